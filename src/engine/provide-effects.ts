import { fromPromise } from 'xstate';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { AnswerSource } from '../ports/answer-source.js';

/** The effects the runtime offers to machines, by the actor names machines use. */
export interface Effects {
  readonly answers: AnswerSource;
}

/**
 * Gives a pure machine its real effects: machines name the actor (`askQuestion`), the runtime supplies it.
 * Tests call the same function with fakes.
 *
 * @example
 * const live = provideEffects(cssAssistant, { answers: new CssAnswerSource({ http }) });
 */
export function provideEffects(definition: MachineDefinition, effects: Effects): MachineDefinition {
  const askQuestion = fromPromise<string, { question: string }>(({ input, signal }) =>
    effects.answers.ask(input.question, { signal }),
  );
  return { ...definition, machine: definition.machine.provide({ actors: { askQuestion } }) };
}
