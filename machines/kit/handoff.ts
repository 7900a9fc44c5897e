/**
 * What any machine keeps while a person handles its conversation (live agent handoff), as one context field,
 * `handoff`, that the runtime reads too (time to the first agent reply): the messages waiting for the agents, the
 * agents' conversation, whether an agent answered. Pure data and functions: the chart decides when. See
 * docs/designing.md "Hand over to a person".
 */

import type { AgentForwardInput, AgentForwardOutput, UserEvent } from '../../src/domain/conversation.js';

/** One message of the user waiting to reach the agents; a photo, a document or a voice note carries its WhatsApp media id. */
export interface ForAgent {
  readonly id: string;
  readonly text: string;
  readonly media?: { readonly mediaId: string; readonly filename?: string };
}

/** The handoff in progress, in context (`handoff`) while in the handoff state. */
export interface Handoff {
  /** When it started (the event's `at`, ms). */
  readonly since: number;
  /** The agents' conversation, once the first forward opened it. */
  readonly conversationId?: number;
  /** Messages not yet in the agents' inbox, oldest first. */
  readonly forAgent: readonly ForAgent[];
  /** An agent has answered in this handoff. */
  readonly agentReplied: boolean;
  /** The user was told that the agents cannot be reached (once per outage). */
  readonly outageTold: boolean;
}

/** Messages kept for the agents while their inbox is unreachable: enough for a long outage, bounded all the same. */
export const MAX_FOR_AGENT = 50;

/** A handoff starting at `since`. */
export const handoffFrom = (since: number): Handoff => ({ since, forAgent: [], agentReplied: false, outageTold: false });

/** A user event as a message for the agents, numbered within the session so each has its own id; a file goes with it. */
export const forAgentOf = (event: UserEvent, text: string, count: number): ForAgent => ({
  id: `wa:${event.at}:${count}`,
  text,
  ...(event.type === 'user.media' && event.mediaId !== undefined
    ? { media: { mediaId: event.mediaId, ...(event.filename === undefined ? {} : { filename: event.filename }) } }
    : {}),
});

/** Adds a message for the agents, dropping the oldest past {@link MAX_FOR_AGENT}. */
export const keepFor = (handoff: Handoff | undefined, message: ForAgent, at = 0): Handoff => {
  const current = handoff ?? handoffFrom(at);
  return { ...current, forAgent: [...current.forAgent, message].slice(-MAX_FOR_AGENT) };
};

/** The input of the `forwardToAgent` effect. */
export const forwardInput = (handoff: Handoff | undefined, name: string | undefined): AgentForwardInput => ({
  ...(name === undefined ? {} : { name }),
  ...(handoff?.conversationId === undefined ? {} : { conversationId: handoff.conversationId }),
  messages: handoff?.forAgent ?? [],
});

/** The output of a settled `forwardToAgent`, when it has one. */
export const forwardedOf = (event: { type: string }): AgentForwardOutput | undefined => {
  const output = (event as { output?: Partial<AgentForwardOutput> }).output;
  return typeof output?.conversationId === 'number' && typeof output.forwarded === 'number' ? (output as AgentForwardOutput) : undefined;
};

/** The handoff after a settled forward: what reached the agents is dropped; a success ends an outage. */
export const afterForward = (handoff: Handoff | undefined, done: AgentForwardOutput): Handoff => {
  const current = handoff ?? handoffFrom(0);
  return { ...current, conversationId: done.conversationId, forAgent: current.forAgent.slice(done.forwarded), outageTold: false };
};
