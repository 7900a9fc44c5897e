import type { InboundMessage } from '../domain/inbound.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { OutboundMessage } from '../domain/outbound.js';
import type { Inspection } from '../inspection/create-inspection.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Pseudonymize } from '../observability/pseudonymize.js';
import type { StoredConversation, Turn } from '../ports/conversation-pipeline.js';
import type { Interaction, InteractionRecorder } from '../ports/interaction-recorder.js';
import type { RateLimits } from '../ports/rate-limits.js';
import type { ReadReceipts } from '../ports/read-receipts.js';
import type { UserEvent } from '../domain/conversation.js';
import { ConversationError, runTurn, stateName, type TimerEvent, type TurnResult } from './run-turn.js';
import { WINDOW_CLOSED } from './send-outbox.js';
import { toOutbox } from './to-outbox.js';
import { startTyping, type TypingTiming } from './typing-indicator.js';
import { toUserEvent } from './to-user-event.js';

export interface HandleMessageDeps {
  /** Which machine answers a business number. */
  readonly machineFor: (phoneNumberId: string) => MachineDefinition;
  readonly settleTimeoutMs: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Stands for the conversation key (it holds a phone number) in every log line. */
  readonly pseudonym: Pseudonymize;
  /** Inbound flood control per user; absent: none. */
  readonly limits?: RateLimits;
  /** Marks user messages read, with the typing indicator while a slow turn runs; absent: off. */
  readonly receipts?: ReadReceipts;
  /** When a turn's read mark and typing indicator start, and how often the indicator is renewed. */
  readonly typing?: TypingTiming;
  /** Keeps one record per handled message (analytics); absent, nothing is recorded. */
  readonly analytics?: InteractionRecorder;
  /** Attached to every conversation actor when `INSPECT` is set. */
  readonly inspection?: Inspection;
}

/**
 * One inbound message, one turn: load → run the machine → commit snapshot, outbox and "done" together.
 * A machine that fails leaves the stored conversation untouched (nothing is written back) and the message
 * is consumed, so a poison message cannot block the user's lane.
 */
export async function handleMessage(deps: HandleMessageDeps, turn: Turn, message: InboundMessage): Promise<void> {
  const definition = deps.machineFor(message.phoneNumberId);
  const stopTimer = deps.metrics.turnSeconds.startTimer();
  const startedAt = Date.now();
  let stopTyping = () => {};
  const report = (outcome: Interaction['outcome'], state: string, replies: readonly OutboundMessage[] = []) => {
    const event = eventName(message);
    deps.metrics.turns.inc({ machine: definition.id, outcome });
    deps.metrics.transitions.inc({ machine: definition.id, state, event });
    deps.analytics?.record({
      at: Date.now(),
      user: deps.pseudonym(turn.key),
      platform: 'whatsapp',
      machineId: definition.id,
      machineVersion: definition.version,
      state,
      event,
      ...(message.content.type === 'text' && definition.recordsQuestions !== false ? { question: message.content.body } : {}),
      responseLength: replies.reduce((sum, reply) => sum + (reply.type === 'text' ? reply.text : reply.body).length, 0),
      responseMs: Date.now() - startedAt,
      outcome,
    });
  };
  try {
    const flood = await floodVerdict(deps, turn.key, message);
    if (flood !== 'ok') {
      // Over the per-user limit: the CSS API is not asked; the user is told once per window to slow down.
      report('ignored', 'flood');
      deps.metrics.floodDrops.inc();
      const notice = flood === 'first-excess' ? [{ type: 'text' as const, text: definition.floodNotice ?? DEFAULT_FLOOD_NOTICE }] : [];
      await turn.commit({ wamid: message.wamid, outbox: toOutbox(message, notice, 'flood') });
      return;
    }
    stopTyping = startTyping(deps.receipts, deps.logger, message, deps.typing ?? { delayMs: 0 });
    const stored = await turn.load();
    const run = (current: StoredConversation | undefined, event: UserEvent | TimerEvent) =>
      runTurn(definition, current, event, deps.settleTimeoutMs, deps.inspection && {
        actorId: deps.inspection.actorId(turn.key),
        inspect: deps.inspection.inspect,
      });
    const content = message.content;
    const outcome =
      content.type === 'timer'
        ? await deliverTimers(run, stored)
        : content.type === 'delivery-failed'
          ? await deliverFailure(run, stored, content.code)
          : await deliverMessage(run, definition, stored, message);
    if (!outcome) {
      report('ignored', stateOf(stored));
      // A timer message that found nothing due yet still leaves the remaining timers scheduled.
      const keep = message.content.type === 'timer' && stored?.timers?.length ? { conversation: stored } : {};
      await turn.commit({ wamid: message.wamid, ...keep, outbox: [] });
      return;
    }
    const { result } = outcome;
    const fromUser = content.type !== 'timer' && content.type !== 'delivery-failed';
    // Remember who this is, so a timer that falls due can be delivered like a message.
    const contact = fromUser ? { user: message.user, phoneNumberId: message.phoneNumberId } : stored?.contact;
    // A user who writes reopens Meta's 24-hour window; until then nothing is sent to them.
    const windowClosed = !fromUser && (stored?.windowClosed === true || outcome.closesWindow === true);
    const replies = windowClosed ? [] : outcome.replies;
    const conversation: StoredConversation = {
      ...result.conversation,
      ...(contact ? { contact } : {}),
      ...(windowClosed ? { windowClosed } : {}),
    };
    await turn.commit({ wamid: message.wamid, conversation, outbox: toOutbox(message, replies, result.state) });
    report(result.restartReason ? 'restarted' : result.timedOut ? 'timed_out' : 'ok', result.state, replies);
    if (result.restartReason) {
      deps.logger.warn({ conversation: deps.pseudonym(turn.key), reason: result.restartReason }, 'conversation restarted at the beginning');
    }
    // Guarded: the pseudonym is a keyed hash, not worth computing for a line that is not written.
    if (deps.logger.isLevelEnabled('debug')) {
      deps.logger.debug({ conversation: deps.pseudonym(turn.key), traceId: message.traceId, wamid: message.wamid, state: result.state, replies: replies.length }, 'turn done');
    }
  } catch (error) {
    if (!(error instanceof ConversationError)) throw error;
    report('failed', error.state);
    deps.logger.error(
      { conversation: deps.pseudonym(turn.key), traceId: message.traceId, wamid: message.wamid, state: error.state, err: error.cause },
      `conversation error: ${error.message}`,
    );
    await turn.commit({ wamid: message.wamid, outbox: [] });
  } finally {
    stopTimer();
    stopTyping();
  }
}

/** Honest: messages over the limit are not read, so the user is asked to send their question again. */
const DEFAULT_FLOOD_NOTICE =
  'Vous avez envoyé beaucoup de messages en peu de temps : je n’ai pas lu les derniers. Attendez une minute, puis renvoyez votre question.';

/** Timers and reactions are not the user typing: they never count against the limit. */
async function floodVerdict(deps: HandleMessageDeps, key: string, message: InboundMessage) {
  if (!deps.limits || message.content.type === 'timer' || message.content.type === 'reaction') return 'ok';
  return deps.limits.admitInbound(key);
}

type Run = (stored: StoredConversation | undefined, event: UserEvent | TimerEvent) => Promise<TurnResult>;

interface Outcome {
  readonly result: TurnResult;
  readonly replies: OutboundMessage[];
  /** Meta refused delivery because the user's 24-hour window is closed. */
  readonly closesWindow?: boolean;
}

/** A user message; reactions change nothing. */
async function deliverMessage(
  run: Run,
  definition: MachineDefinition,
  stored: StoredConversation | undefined,
  message: InboundMessage,
): Promise<Outcome | undefined> {
  const event = toUserEvent(message);
  if (event === undefined) return undefined;
  const result = await run(stored, event);
  // A conversation that could not be resumed is told so before it starts again.
  const notice = stored && result.restartReason && definition.restartNotice;
  return { result, replies: notice ? [{ type: 'text', text: notice }, ...result.replies] : result.replies };
}

/**
 * Meta could not deliver a reply: the machine hears `whatsapp.delivery_failed` (and may react; most ignore it), and
 * for 131047 the conversation is marked so that nothing more is sent until the user writes again.
 */
async function deliverFailure(run: Run, stored: StoredConversation | undefined, code: number): Promise<Outcome | undefined> {
  if (!stored) return undefined;
  const result = await run(stored, { type: 'whatsapp.delivery_failed', code } as TimerEvent);
  if (result.restartReason) return undefined;
  return { result, replies: [], closesWindow: code === WINDOW_CLOSED };
}

/** Sends the machine every delayed event that fell due and is still pending (its state was not left). */
async function deliverTimers(run: Run, stored: StoredConversation | undefined): Promise<Outcome | undefined> {
  let current = stored;
  let last: TurnResult | undefined;
  const replies: OutboundMessage[] = [];
  for (;;) {
    const due = current?.timers?.find((timer) => timer.dueAt <= Date.now());
    if (!current || !due) break;
    const result = await run(current, { type: due.event });
    if (result.restartReason) return undefined;
    replies.push(...result.replies);
    current = result.conversation;
    last = result;
  }
  return last ? { result: last, replies } : undefined;
}

/** The event a message stands for, as metrics and analytics label it. */
function eventName(message: InboundMessage): string {
  return message.content.type === 'timer' ? 'timer' : (toUserEvent(message)?.type ?? `ignored.${message.content.type}`);
}

function stateOf(stored: StoredConversation | undefined): string {
  const value = (stored?.snapshot as { value?: unknown } | undefined)?.value;
  return value === undefined ? 'none' : stateName(value);
}
