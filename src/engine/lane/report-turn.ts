import { isLocale, REFERENCE_LOCALE } from '../../domain/locale.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { OutboundMessage } from '../../domain/outbound.js';
import type { Interaction } from '../../ports/interaction-recorder.js';
import type { LaneDeps } from './lane-deps.js';

/** One handled input, as metrics and analytics record it. */
export interface TurnReport {
  readonly definition: MachineDefinition;
  readonly key: string;
  /** The event the machine received (`user.text`, `timer`, `effect.askQuestion`, …). */
  readonly event: string;
  readonly outcome: Interaction['outcome'];
  readonly state: string;
  readonly startedAt: number;
  readonly replies?: readonly OutboundMessage[];
  /** What the user typed, when analytics may keep it. */
  readonly question?: string;
  /** The language the conversation speaks after the turn (see {@link conversationLocale}). */
  readonly locale?: string;
}

/**
 * The language a conversation speaks: its context's `locale`, else French for a machine with messages (which speaks
 * French until told otherwise); `undefined` for a machine without messages.
 *
 * @example
 * conversationLocale(cssAssistant, { context: { locale: 'wo' } }) // 'wo'
 */
export function conversationLocale(definition: MachineDefinition, snapshot: unknown): string | undefined {
  const locale = (snapshot as { context?: { locale?: unknown } } | null | undefined)?.context?.locale;
  if (isLocale(locale)) return locale;
  return definition.messages === undefined ? undefined : REFERENCE_LOCALE;
}

/** Counts the turn and records it for analytics (pseudonymous user). */
export function reportTurn(deps: LaneDeps, report: TurnReport): void {
  const { definition, event, outcome, state, replies = [] } = report;
  deps.metrics.turns.inc({ machine: definition.id, outcome });
  deps.metrics.transitions.inc({ machine: definition.id, state, event });
  deps.analytics?.record({
    at: Date.now(),
    user: deps.pseudonym(report.key),
    platform: 'whatsapp',
    machineId: definition.id,
    machineVersion: definition.version,
    state,
    event,
    ...(report.question !== undefined && definition.recordsQuestions !== false ? { question: report.question } : {}),
    ...(report.locale === undefined ? {} : { locale: report.locale }),
    responseLength: replies.reduce((sum, reply) => sum + (reply.type === 'text' ? reply.text : reply.body).length, 0),
    responseMs: Date.now() - report.startedAt,
    outcome,
  });
}
