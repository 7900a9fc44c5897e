/**
 * The machine check: runs every rule on one machine definition and names each problem with the machine,
 * the state path and the field.
 */

import type { AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { LOCALES, REFERENCE_LOCALE } from '../../domain/locale.js';
import { findVocabularyProblems } from '../../domain/vocabulary.js';
import { FluentMessages } from '../../i18n/fluent-messages.js';
import { findDeadEnds } from './dead-ends.js';
import { explore, type SentReply } from './explore.js';
import { findFinalStates } from './final-states.js';
import { findLimitProblems } from './limits.js';
import { type CostSummary, findCeilingProblems, summarizeCosts } from './message-ceiling.js';
import type { TurnCost } from './message-costs.js';
import { checkMessageFiles, localeNamedIn, localeTextKeys } from './messages.js';
import { type CheckOptions, type Finding, type MachineProblem, dedupe } from './problem.js';
import { findUnreachable } from './reachability.js';
import { findReferenceProblems, withStandIns } from './references.js';
import { findUnhandledOffers, findUnofferedChoices } from './reply-ids.js';
import { ROOT, allStates } from './state-nodes.js';
import { findSwallowedCommands } from './swallowed-commands.js';
import { indexTexts } from './text-keys.js';
import { findTextProblems } from './texts.js';
import { findTypedRowNumberProblems } from './typed-row-numbers.js';
import { type WaivedProblem, type Waiver, partitionWaived } from './waivers.js';

/** The outcome of checking one machine, with the sizes `npm run check` prints. */
export interface MachineCheckResult {
  readonly machine: string;
  readonly version: number;
  readonly problems: MachineProblem[];
  /** Known problems let through by a waiver: printed as warnings. */
  readonly waived: WaivedProblem[];
  /** What does not fail the check but a designer should know: messages said in French for want of a translation. */
  readonly warnings: string[];
  /** Waivers of this machine that matched nothing: the problem is fixed, remove them. */
  readonly unusedWaivers: Waiver[];
  /** Every context field the exploration met, with the JSON types of its values. */
  readonly contextFields: ReadonlyMap<string, ReadonlySet<string>>;
  /** State nodes below the root. */
  readonly states: number;
  /** Transitions in the chart: events, `always`, `after`, invoke outcomes, `onDone`. */
  readonly transitions: number;
  /** The most messages each user message (or timer) costs, by the state it arrives in. */
  readonly costs: readonly TurnCost[];
  /** The costliest user messages under the machine's ceiling, and its timers. */
  readonly costSummary: CostSummary;
}

function countTransitions(machine: AnyStateMachine): number {
  const nodes: AnyStateNode[] = [machine.root, ...allStates(machine)];
  return nodes.reduce((sum, node) => sum + [...node.transitions.values()].flat().length + (node.always?.length ?? 0), 0);
}

const isChoice = (event: EventObject): event is EventObject & { id: string; title: string; at: number } =>
  event.type === 'user.choice' && typeof (event as { id?: unknown }).id === 'string';

/**
 * Checks one machine and says how big it is.
 *
 * @example
 * const { problems, states, transitions } = runMachineCheck(cssAssistant, { providedActors: ['askQuestion'] });
 */
export function runMachineCheck(definition: MachineDefinition, options: CheckOptions = {}): MachineCheckResult {
  const { machine } = definition;
  const events: readonly EventObject[] = definition.sampleEvents ?? [];
  const at = (events[0] as { at?: number } | undefined)?.at ?? 0;
  const explorable = withStandIns(machine);
  const exploration = explore(explorable, events, { at }, options.explore);
  const keys = indexTexts(options.content ?? (options.texts === undefined ? {} : { texts: options.texts }));
  const findings: Finding[] = [
    ...(options.texts === undefined ? [] : findTextProblems(options.texts)),
    ...(definition.vocabulary === undefined ? [] : findVocabularyProblems(definition.vocabulary)),
    ...findReferenceProblems(machine, options.providedActors ?? []),
    ...(events.length > 0
      ? []
      : [{ state: ROOT, field: 'sampleEvents', message: 'no sample events: list what a user can send, so the check can explore the machine' }]),
    ...findUnreachable(machine, events.length > 0 ? exploration.visited : undefined, exploration.truncated),
    ...findDeadEnds(machine),
    ...findFinalStates(machine, definition.restartNotice),
    ...exploration.failures,
    ...findUnhandledOffers(explorable, exploration, at, keys),
    ...findUnofferedChoices(explorable, exploration, events.filter(isChoice)),
    ...findSwallowedCommands(explorable, exploration, events),
    ...findTypedRowNumberProblems(exploration, at, keys),
    ...findLimitProblems(exploration.replies.filter(isReference), keys),
    ...findCeilingProblems(exploration.costs, definition.messageCeiling),
  ];
  const warnings: string[] = [];
  if (definition.messages instanceof FluentMessages) {
    const report = checkMessageFiles(definition.messages);
    findings.push(...report.findings, ...findLocaleLimitProblems(definition.messages, exploration.replies, explorable, events, at, options));
    warnings.push(...report.warnings);
  }
  const all = dedupe(findings).map((finding) => ({ machine: definition.id, ...finding }));
  const { problems, waived, unused } = partitionWaived(all, options.waivers ?? [], [definition.id]);
  return {
    machine: definition.id,
    version: definition.version,
    problems,
    waived,
    warnings,
    unusedWaivers: unused,
    contextFields: exploration.contextFields,
    states: allStates(machine).length,
    transitions: countTransitions(machine),
    costs: exploration.costs,
    costSummary: summarizeCosts(exploration.costs, definition.messageCeiling),
  };
}

/** A reply said in the reference locale (or by a machine that has no locale). */
const isReference = (reply: SentReply): boolean => reply.locale === undefined || reply.locale === REFERENCE_LOCALE;

/**
 * WhatsApp's limits in every other locale: the replies said in it while exploring, and those of the machine explored
 * again starting in it. A problem names the locale whose file holds the text (`wo:button-aide`); one in a French text
 * (a message a locale leaves to French) is the reference's, reported with it.
 */
function findLocaleLimitProblems(
  messages: FluentMessages,
  explored: readonly SentReply[],
  explorable: AnyStateMachine,
  events: readonly EventObject[],
  at: number,
  options: CheckOptions,
): Finding[] {
  const others = LOCALES.filter((locale) => locale !== REFERENCE_LOCALE && messages.sources[locale] !== undefined);
  const budget = options.localeExplore ?? options.explore;
  const replies = [...explored, ...others.flatMap((locale) => explore(explorable, events, { at, locale }, budget).replies)];
  const keys = localeTextKeys(messages, others);
  return replies
    .filter((reply) => !isReference(reply))
    .flatMap((reply) => findLimitProblems([reply], keys).map((finding) => ({ finding, locale: localeNamedIn(finding.message) ?? reply.locale })))
    .filter(({ locale }) => locale !== REFERENCE_LOCALE)
    .map(({ finding, locale }) => ({ ...finding, ...(locale === undefined ? {} : { locale }) }));
}

/**
 * Every problem a designer can make in `definition`: unreachable states, states with no way out, top-level
 * final states, reply ids offered but not handled or taken only by a catch-all (and handled but not offered),
 * catch-alls that swallow commands, typed row numbers that do not pick their row, replies over a Cloud API
 * limit, user messages costing more messages than the machine's `messageCeiling`, missing texts, and references to actions, guards, actors or delays nothing provides. Empty when the
 * machine can ship.
 *
 * @example
 * checkMachine(cssAssistant, { providedActors: ['askQuestion'], texts });
 * // [] — or [{ machine: 'css-assistant', state: 'menu', field: 'sections[0].rows[2].title', message: '25 characters, the Cloud API allows 24' }]
 */
export function checkMachine(definition: MachineDefinition, options: CheckOptions = {}): MachineProblem[] {
  return runMachineCheck(definition, options).problems;
}

/**
 * {@link checkMachine} on several machines; `options` may depend on the machine (its texts differ).
 *
 * @example
 * checkMachines(Object.values(machines), (definition) => ({ providedActors: ['askQuestion'] }));
 */
export function checkMachines(
  definitions: readonly MachineDefinition[],
  options: CheckOptions | ((definition: MachineDefinition) => CheckOptions) = {},
): MachineProblem[] {
  return definitions.flatMap((definition) => checkMachine(definition, typeof options === 'function' ? options(definition) : options));
}
