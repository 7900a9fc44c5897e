/**
 * What the CSS assistant keeps while a person handles the conversation (live agent handoff), and how a citizen's
 * message becomes one for the agents. Pure data and functions: the chart decides when.
 */

import type { AgentForwardInput, AgentForwardOutput, UserEvent } from '../../src/domain/conversation.js';
import type { Ask } from './asks.js';
import type { CssAssistantContent } from './content.js';

/** One message of the citizen waiting to reach the agents. */
export interface ForAgent {
  readonly id: string;
  readonly text: string;
}

/** The handoff in progress, in context while in `dialog.withAgent`. */
export interface Handoff {
  /** The agents' conversation, once the first forward opened it. */
  readonly conversationId?: number;
  /** Messages not yet in the agents' inbox, oldest first. */
  readonly forAgent: readonly ForAgent[];
  /** An agent has answered in this handoff. */
  readonly agentReplied: boolean;
  /** The citizen was told that the agents cannot be reached (once per outage). */
  readonly outageTold: boolean;
}

/** Messages kept for the agents while their inbox is unreachable: enough for a long outage, bounded all the same. */
export const MAX_FOR_AGENT = 50;

export const noHandoff = (): Handoff => ({ forAgent: [], agentReplied: false, outageTold: false });

/** The text agents read for a user event. */
export function agentTextOf(event: UserEvent, texts: CssAssistantContent['texts']): string {
  switch (event.type) {
    case 'user.text':
      return event.text;
    case 'user.choice':
      return event.title;
    case 'user.media':
      return texts.agent.file(event.media, event.caption);
    default:
      return `[${event.kind}]`;
  }
}

/** A user event as a message for the agents, numbered within the session so each has its own id. */
export const forAgentOf = (event: UserEvent, text: string, count: number): ForAgent => ({ id: `wa:${event.at}:${count}`, text });

/** Adds a message for the agents, dropping the oldest past {@link MAX_FOR_AGENT}. */
export const keepFor = (handoff: Handoff | undefined, message: ForAgent): Handoff => {
  const current = handoff ?? noHandoff();
  return { ...current, forAgent: [...current.forAgent, message].slice(-MAX_FOR_AGENT) };
};

/** The last question asked of the CSS, for the agents' first message. */
export const lastQuestionOf = (ask: Ask | undefined): string | undefined => (ask?.kind === 'text' && ask.question !== '' ? ask.question : undefined);

/** The input of `forwardToAgent`. */
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
