import { createActor, fromPromise } from 'xstate';
import { cssAssistant } from '../../../machines/css-assistant/index.js';
import type { MediaQuestionInput } from '../../../machines/css-assistant/media.js';
import type { ConversationInput, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { type AnswerFn, type Step, fakeAskQuestion, runMachine, text } from '../run-machine.js';

/** Where the dialog is after a step (`menu`, `category`…): the CSS assistant has a dialog region beside its question region. */
export const dialogOf = (step: Pick<Step, 'value'> | undefined): unknown => (step?.value as { dialog?: unknown } | undefined)?.dialog;

/** The text or body of a message. */
export const bodyOf = (message: OutboundMessage | undefined): string | undefined =>
  message === undefined ? undefined : message.type === 'text' ? message.text : message.body;

export const buttonIds = (message: OutboundMessage | undefined): string[] =>
  message?.type === 'buttons' ? message.buttons.map((b) => b.id) : [];

export const rowIds = (message: OutboundMessage | undefined): string[] =>
  message?.type === 'list' ? message.sections.flatMap((s) => s.rows.map((r) => r.id)) : [];

/** Plays `events` after a greeting (so the welcome is out of the way) and returns their steps; records the questions asked. */
export async function afterGreeting(events: readonly UserEvent[], answer: AnswerFn = (q) => `Réponse : ${q}`) {
  const asked: string[] = [];
  const steps = await runMachine(cssAssistant, [text('bonjour', 1000), ...events], {
    answer: (q) => (asked.push(q), answer(q)),
  });
  return { steps: steps.slice(1), asked };
}

/** The CSS assistant with a fake `askAboutMedia` that records its inputs. */
export function withMedia(answer: (input: MediaQuestionInput) => Promise<string>, definition: MachineDefinition = cssAssistant) {
  const inputs: MediaQuestionInput[] = [];
  const askAboutMedia = fromPromise<string, MediaQuestionInput>(({ input }) => {
    inputs.push(input);
    return answer(input);
  });
  return { definition: { ...definition, machine: definition.machine.provide({ actors: { askAboutMedia } }) }, inputs };
}

/**
 * A live actor whose CSS questions wait until the test settles them, as the runtime sees a slow CSS API: what a
 * question pending across turns looks like.
 */
export function liveWithPendingQuestions(input: ConversationInput = { at: 1000 }) {
  const pending: { question: string; resolve: (answer: string) => void; reject: (error: unknown) => void }[] = [];
  const askQuestion = fakeAskQuestion((question) => new Promise<string>((resolve, reject) => pending.push({ question, resolve, reject })));
  const actor = createActor(cssAssistant.machine.provide({ actors: { askQuestion } }), { input });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (event: { message: OutboundMessage }) => replies.push(event.message));
  actor.start();
  /** Replies since the last call. */
  let seen = 0;
  const newReplies = (): OutboundMessage[] => {
    const fresh = replies.slice(seen);
    seen = replies.length;
    return fresh;
  };
  return { actor, pending, newReplies };
}

/** Lets settled promises deliver their outcome to the actor. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
