import type { AxiosInstance } from 'axios';
import type { Config } from '../config/config.js';
import type { ConversationRef } from '../domain/lane-input.js';
import type { AgentLinks } from '../ports/agent-links.js';

/**
 * An effect: a named async function that machines invoke as an actor (`invoke: { src: 'askQuestion' }`). The
 * runtime records each call with the turn that invoked it, runs it outside the user's lane (no lane, no lease is held
 * while it waits), and hands its output or error back to the machine as `onDone` / `onError` in a later turn.
 *
 * Adding one is one file in `src/effects/` and one line in `src/effects/index.ts`; the engine is not touched.
 *
 * @example
 * export const askQuestion = defineEffect({
 *   name: 'askQuestion',
 *   api: 'css',
 *   repeatable: true,
 *   create: ({ http }) => (input: { question: string }, { signal }) => new CssAnswerSource({ http: http.css }).ask(input.question, { signal }),
 * });
 */
export interface EffectDefinition<Input = never, Output = unknown> {
  /** The actor name machines invoke (`src`). */
  readonly name: string;
  /** The outside API it calls: effects of one API share its concurrency cap and its timeout. */
  readonly api: ApiName;
  /**
   * Whether running the call again is harmless. A process that dies mid-call leaves it to another process, which runs
   * it again: a question asked twice is fine; a payment would not be (make such a call idempotent first).
   */
  readonly repeatable: boolean;
  /** The function for this configuration; `undefined` when the configuration cannot run it (its calls then fail). */
  readonly create: (context: EffectContext) => EffectFunction<Input, Output> | undefined;
}

/** One call: its input as the machine computed it; `signal` aborts at the call's deadline; `conversation`: whose call it is. */
export type EffectFunction<Input, Output> = (input: Input, options: EffectCallOptions) => Promise<Output>;

export interface EffectCallOptions {
  readonly signal: AbortSignal;
  /** The conversation that invoked the call (who the user is), for effects that act on the user's behalf. */
  readonly conversation?: ConversationRef;
}

/** The outside APIs effects call, each with its own client, concurrency cap and timeout. */
export type ApiName = 'css' | 'chatwoot';

/** What an effect is built from: the configuration, and one shared client per outside API. */
export interface EffectContext {
  readonly config: Config;
  /** The CSS API's client; Chatwoot's only when `CHATWOOT_*` is set. */
  readonly http: Readonly<{ css: AxiosInstance; chatwoot?: AxiosInstance }>;
  /** Where citizens' pseudonyms are linked to their conversations, for agents' replies to find their way back. */
  readonly agentLinks?: AgentLinks;
}

/** Typed identity: checks a definition where it is written. */
export function defineEffect<Input, Output>(definition: EffectDefinition<Input, Output>): EffectDefinition<Input, Output> {
  return definition;
}

/** Any effect, as the registry holds them. */
export type AnyEffectDefinition = EffectDefinition<never, unknown>;
