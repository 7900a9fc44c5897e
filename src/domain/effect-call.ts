import type { ErrorData } from './error-data.js';
import type { ConversationRef } from './lane-input.js';

/**
 * A call of an effect (a provided actor such as `askQuestion`) that a machine invoked. The turn that invoked it
 * records it in the same commit as the snapshot, then lets go of the conversation; the call runs on its own and
 * its outcome comes back through the conversation's lane.
 */
export interface EffectCall {
  /** Unique per invocation: a result is applied only to the invocation that asked for it. */
  readonly callId: string;
  /** The effect's name, the actor `src` the machine invokes. */
  readonly effect: string;
  /** The invoke's id in the machine. */
  readonly actorId: string;
  /** The invoke's input, as the machine computed it (JSON). */
  readonly input: unknown;
  /** Whose conversation it belongs to, to deliver the outcome. */
  readonly conversation: ConversationRef;
  /** When the invoking turn committed (ms). */
  readonly startedAt: number;
  /** The user message that led to it: marked read (with "typing…") while a slow call runs. */
  readonly cause?: string;
  readonly traceId?: string;
}

/** How a call ended, as data that survives a trip through the store. */
export type EffectOutcome =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: false; readonly error: ErrorData };
