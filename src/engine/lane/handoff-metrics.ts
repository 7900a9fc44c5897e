import type { Metrics } from '../../observability/metrics.js';
import type { StoredConversation } from '../../ports/conversation-pipeline.js';

/**
 * How the runtime sees a live agent handoff, to count it: a state named `withAgent`, and the kit's `handoff` context
 * field (machines/kit/handoff.ts). Both are the convention docs/designing.md "Hand over to a person" describes.
 */

const WITH_AGENT = /(^|[.,])withAgent([.,]|$)/;

/** Whether a state name (`dialog.withAgent.quiet,question.ready`) is inside a handoff. */
export const isWithAgent = (state: string): boolean => WITH_AGENT.test(state);

/** The handoff a stored conversation is in, as far as the runtime needs it. */
export function handoffOf(conversation: StoredConversation | undefined): { since: number; agentReplied: boolean; conversationId?: number } | undefined {
  const handoff = (conversation?.snapshot as { context?: { handoff?: { since?: unknown; agentReplied?: unknown; conversationId?: unknown } } } | undefined)
    ?.context?.handoff;
  if (typeof handoff?.since !== 'number') return undefined;
  const conversationId = typeof handoff.conversationId === 'number' ? { conversationId: handoff.conversationId } : {};
  return { since: handoff.since, agentReplied: handoff.agentReplied === true, ...conversationId };
}

/** A user's turn that entered a handoff. */
export function countHandoffStart(metrics: Metrics, before: string, after: string): void {
  if (!isWithAgent(before) && isWithAgent(after)) metrics.handoffsStarted.inc();
}

/** An agent's act: the first reply of a handoff (how long the citizen waited), or the hand-back. */
export function countAgentAct(metrics: Metrics, event: string, before: StoredConversation, beforeState: string, afterState: string, now = Date.now()): void {
  const handoff = handoffOf(before);
  if (event === 'agent.message' && handoff && !handoff.agentReplied) metrics.agentFirstReplySeconds.observe(Math.max(0, now - handoff.since) / 1000);
  if (event === 'agent.resolved' && isWithAgent(beforeState) && !isWithAgent(afterState)) metrics.handoffsResolved.inc();
}
