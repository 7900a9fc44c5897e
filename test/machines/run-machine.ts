import { type AnyActorRef, type AnyMachineSnapshot, type Snapshot, createActor, fromPromise, waitFor } from 'xstate';
import type { ConversationInput, UserEvent } from '../../src/domain/conversation.js';
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

/** A settled snapshot, as the runtime defines it: nothing tagged `busy`, no child still running. */
export const isSettled = (snapshot: AnyMachineSnapshot): boolean =>
  snapshot.status !== 'active' ||
  (!snapshot.hasTag('busy') &&
    Object.values(snapshot.children as Record<string, AnyActorRef | undefined>).every((child) => child?.getSnapshot().status !== 'active'));

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
  const machine = definition.machine.provide({ actors: { askQuestion: fakeAskQuestion(answer) } });
  const steps: Step[] = [];
  let stored = options.from;
  for (const event of events) {
    const input: ConversationInput = { at: event.at, profileName: event.profileName };
    const actor = createActor(machine, stored ? { snapshot: stored } : { input });
    const replies: OutboundMessage[] = [];
    actor.on('reply', (emitted: { message: OutboundMessage }) => replies.push(emitted.message));
    actor.subscribe({ error: () => undefined });
    actor.start();
    actor.send(event);
    const settled = await waitFor(actor, isSettled, { timeout: options.timeoutMs ?? 2000 });
    stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>;
    actor.stop();
    steps.push({ event, replies, value: settled.value, context: settled.context, persisted: stored });
  }
  return steps;
}

/** Builders for user events, so scripts read like a conversation. */
export const text = (body: string, at = 0, profileName?: string): UserEvent => ({ type: 'user.text', text: body, at, profileName });
export const choice = (id: string, at = 0, title = id): UserEvent => ({ type: 'user.choice', id, title, at });
export const media = (at = 0): UserEvent => ({ type: 'user.media', media: 'image', at });
export const other = (at = 0): UserEvent => ({ type: 'user.other', kind: 'location', at });
