import { fromPromise } from 'xstate';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { AnswerSource } from '../ports/answer-source.js';
import type { FileStatus } from '../domain/file-status.js';
import type { MediaQuestion } from '../domain/media-question.js';
import type { FileStatusSource } from '../ports/file-status-source.js';
import type { MediaAnswerSource } from '../ports/media-answer-source.js';

/** The effects the runtime offers to machines. */
export interface Effects {
  readonly answers: AnswerSource;
  readonly files: FileStatusSource;
  /** Answers about a photo or a PDF the user sent; left out when no WhatsApp token is set (files cannot be fetched). */
  readonly media: MediaAnswerSource;
}

/** The actor names machines use for the runtime's effects; `npm run check` treats these as provided. */
export const PROVIDED_ACTORS = ['askQuestion', 'lookupFileStatus', 'askAboutMedia'] as const;

/**
 * Gives a pure machine its real effects: machines name the actor (`askQuestion`, `lookupFileStatus`,
 * `askAboutMedia`), the runtime supplies it. A machine receives only the actors it declares; an effect left out
 * keeps the machine's placeholder (which fails, and the machine's `onError` answers). Tests pass only the fakes
 * they need.
 *
 * @example
 * const live = provideEffects(cssAssistant, { answers: new CssAnswerSource({ http }), files });
 */
export function provideEffects(
  definition: MachineDefinition,
  effects: Partial<Effects>,
  /** Delays by name (ms), e.g. `{ menuNudge: 300_000 }`; a machine gets those it declares. */
  delays: Readonly<Record<string, number>> = {},
): MachineDefinition {
  const { answers, files, media } = effects;
  const all = {
    ...(answers && {
      askQuestion: fromPromise<string, { question: string }>(({ input, signal }) => answers.ask(input.question, { signal })),
    }),
    ...(files && {
      lookupFileStatus: fromPromise<FileStatus, { registrationNumber: string }>(({ input, signal }) =>
        files.status(input.registrationNumber, { signal }),
      ),
    }),
    ...(media && {
      askAboutMedia: fromPromise<string, MediaQuestion>(({ input, signal }) => media.askAboutMedia(input, { signal })),
    }),
  };
  const { actors: declaredActors, delays: declaredDelays } = definition.machine.implementations;
  const actors = Object.fromEntries(Object.entries(all).filter(([name]) => name in declaredActors));
  const ownDelays = Object.fromEntries(Object.entries(delays).filter(([name]) => name in declaredDelays));
  return { ...definition, machine: definition.machine.provide({ actors, delays: ownDelays }) };
}
