import type { EffectRun } from '../compose/effect-runner-from-config.js';

/**
 * What the effects of a chat session answered (the CSS API's answers, a file's status), by effect and input.
 * While `replaying`, an input answered before gets the same answer at once: a replay after a reload lands
 * where the designer was without asking the CSS API again. Failures are not remembered.
 *
 * @example
 * const memo = new EffectMemo();
 * effectRunnerFromConfig(config, { journal, metrics, logger, wrap: memo.wrap });
 */
export class EffectMemo {
  readonly answers = new Map<string, unknown>();
  replaying = false;

  /** The effect `name`'s function, remembering its answers. */
  readonly wrap = (name: string, run: EffectRun): EffectRun => {
    return async (input, options) => {
      const key = `${name}\u0000${JSON.stringify(input)}`;
      if (this.replaying && this.answers.has(key)) return this.answers.get(key);
      const answer = await run(input, options);
      this.answers.set(key, answer);
      return answer;
    };
  };
}
