import { type AnyMachineSnapshot, type Snapshot, fromPromise } from 'xstate';
import { isSettled, runTurn } from '../../src/engine/run-turn.js';
import type { StoredConversation } from '../../src/ports/conversation-pipeline.js';
import type { UserEvent } from '../../src/domain/conversation.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import type { OutboundMessage } from '../../src/domain/outbound.js';

/** What the fake CSS API does with a question: answer it (sync or async) or throw/reject. */
export type AnswerFn = (question: string) => string | Promise<string>;

/** The outcome of one user message, as the runtime would see it. */
export interface Step {
  readonly event: UserEvent;
  readonly replies: OutboundMessage[];
  /** The settled state after the message (e.g. `'idle'`). */
  readonly value: AnyMachineSnapshot['value'];
  readonly context: AnyMachineSnapshot['context'];
  /** What the runtime would store: the persisted snapshot after a JSON round trip. */
  readonly persisted: Snapshot<unknown>;
}

/** A settled snapshot, as the runtime defines it: the runtime's own predicate. */
export { isSettled };

/** A stand-in for the CSS API client, as the runtime provides `askQuestion`. */
export const fakeAskQuestion = (answer: AnswerFn) =>
  fromPromise<string, { question: string }>(async ({ input }) => answer(input.question));

/**
 * Plays user messages through a machine the way the runtime does: for each message, restore the
 * stored snapshot (JSON round trip) or start a new session, collect `reply` events in order, send
 * one event, wait until settled, persist. Reuse it to script conversations in tests.
 *
 * @example
 * const steps = await runMachine(cssAssistant, [text('bonjour', 1000)], { answer: (q) => `R: ${q}` });
 * steps[0].replies // [{ type: 'buttons', body: 'Bienvenue…', … }]
 */
export async function runMachine(
  definition: MachineDefinition,
  events: readonly UserEvent[],
  options: { answer?: AnswerFn; from?: Snapshot<unknown>; timeoutMs?: number } = {},
): Promise<Step[]> {
  const answer = options.answer ?? ((question: string) => `Réponse à : ${question}`);
  // The runtime's own turn (restore, collect replies, send, wait until settled, persist), with a fake CSS API.
  const live = { ...definition, machine: definition.machine.provide({ actors: { askQuestion: fakeAskQuestion(answer) } }) };
  const steps: Step[] = [];
  let stored: StoredConversation | undefined = options.from && { machineId: definition.id, version: definition.version, snapshot: options.from };
  for (const event of events) {
    const result = await runTurn(live, stored, event, options.timeoutMs ?? 2000);
    if (result.timedOut) throw new Error(`the machine did not settle after ${JSON.stringify(event)}`);
    stored = JSON.parse(JSON.stringify(result.conversation)) as StoredConversation;
    const persisted = stored.snapshot as AnyMachineSnapshot;
    steps.push({ event, replies: result.replies, value: persisted.value, context: persisted.context, persisted });
  }
  return steps;
}

/** Builders for user events, so scripts read like a conversation. */
export const text = (body: string, at = 0, profileName?: string): UserEvent => ({ type: 'user.text', text: body, at, profileName });
export const choice = (id: string, at = 0, title = id): UserEvent => ({ type: 'user.choice', id, title, at });
export const media = (at = 0): UserEvent => ({ type: 'user.media', media: 'image', at });
export const other = (at = 0): UserEvent => ({ type: 'user.other', kind: 'location', at });
