import { ChatwootAgentInbox } from '../adapters/chatwoot/chatwoot-agent-inbox.js';
import { defineEffect } from './effect-definition.js';

/** What `noteToAgent` writes: a private note in an agents' conversation. */
export interface AgentNote {
  readonly conversationId: number;
  readonly text: string;
}

/**
 * A private note to the agents (Chatwoot), which the citizen never sees: the runtime writes one when an agent's
 * reply could not be delivered (Meta's 24-hour window closed, the session gone). Repeatable: a note twice is harmless.
 */
export const noteToAgent = defineEffect({
  name: 'noteToAgent',
  api: 'chatwoot',
  repeatable: true,
  create: ({ http, config }) => {
    if (!http.chatwoot || !config.chatwoot) return undefined;
    const inbox = new ChatwootAgentInbox({ http: http.chatwoot, inboxId: config.chatwoot.inboxId });
    return (input: AgentNote, { signal }) => inbox.notePrivately(input.conversationId, input.text, { signal });
  },
});
