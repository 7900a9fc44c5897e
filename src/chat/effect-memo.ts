import { fromPromise, type AnyActorLogic } from 'xstate';
import type { MachineDefinition } from '../domain/machine-definition.js';

/**
 * What the effects of a chat session answered (the CSS API's answers, a file's status), by actor and input.
 * While `replaying`, an input answered before gets the same answer at once: a replay after a reload lands
 * where the designer was without asking the CSS API again.
 */
export class EffectMemo {
  readonly answers = new Map<string, unknown>();
  replaying = false;
}

type PromiseCreator = (args: { input: unknown; signal: AbortSignal }) => Promise<unknown>;

/** The promise creator of a `fromPromise` actor (XState keeps it as `config`), if the logic is one. */
function creatorOf(logic: unknown): PromiseCreator | undefined {
  const config = typeof logic === 'object' && logic !== null ? (logic as { config?: unknown }).config : undefined;
  return typeof config === 'function' ? (config as PromiseCreator) : undefined;
}

/**
 * The definition with each promise actor remembering its answers in `memo` (failures are not remembered).
 *
 * @example
 * const live = memoizeEffects(definition, memo); // askQuestion answers from memo while memo.replaying
 */
export function memoizeEffects(definition: MachineDefinition, memo: EffectMemo): MachineDefinition {
  const actors = definition.machine.implementations.actors as Readonly<Record<string, unknown>>;
  const wrapped: Record<string, AnyActorLogic> = {};
  for (const [name, logic] of Object.entries(actors)) {
    const create = creatorOf(logic);
    if (!create) continue;
    wrapped[name] = fromPromise<unknown, unknown>(async ({ input, signal }) => {
      const key = `${name}\u0000${JSON.stringify(input)}`;
      if (memo.replaying && memo.answers.has(key)) return memo.answers.get(key);
      const answer = await create({ input, signal });
      memo.answers.set(key, answer);
      return answer;
    });
  }
  return { ...definition, machine: definition.machine.provide({ actors: wrapped }) };
}
