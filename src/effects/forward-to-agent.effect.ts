import { ChatwootAgentInbox } from '../adapters/chatwoot/chatwoot-agent-inbox.js';
import type { AgentForwardInput, AgentForwardOutput } from '../domain/conversation.js';
import { conversationKey } from '../domain/conversation-key.js';
import { createPseudonymizer } from '../observability/pseudonymize.js';
import { defineEffect } from './effect-definition.js';

/**
 * The citizen's messages to the agents' inbox (Chatwoot), in order, while a person handles the conversation. The
 * citizen appears under a pseudonym (a keyed hash of the conversation, keyed by `PSEUDONYM_KEY`, else by the webhook
 * secret, so it is the same across processes and restarts) linked to the conversation, so that agents' replies find
 * their way back; their phone number only with `CHATWOOT_SHARE_PHONE`. Without Chatwoot it is not available (the
 * runtime then never lets a machine hand over). Not repeatable: a call run again after a crash could post a message
 * twice (each carries its own `source_id`, so agents can tell).
 */
export const forwardToAgent = defineEffect({
  name: 'forwardToAgent',
  api: 'chatwoot',
  repeatable: false,
  create: ({ http, config, agentLinks }) => {
    const chatwoot = config.chatwoot;
    if (!http.chatwoot || !chatwoot) return undefined;
    const inbox = new ChatwootAgentInbox({ http: http.chatwoot, inboxId: chatwoot.inboxId });
    const pseudonym = createPseudonymizer(config.pseudonymKey ?? chatwoot.webhookSecret);
    return async (input: AgentForwardInput, { signal, conversation }): Promise<AgentForwardOutput> => {
      if (!conversation) throw new Error('forwardToAgent was called without its conversation');
      const sourceId = pseudonym(conversationKey(conversation));
      await agentLinks?.link(sourceId, conversation);
      const phone = chatwoot.sharePhone ? conversation.user.phone : undefined;
      const citizen = { pseudonym: sourceId, ...(input.name === undefined ? {} : { name: input.name }), ...(phone === undefined ? {} : { phone }) };
      return inbox.forward(
        { citizen, messages: input.messages, ...(input.conversationId === undefined ? {} : { conversationId: input.conversationId }) },
        { signal },
      );
    };
  },
});
