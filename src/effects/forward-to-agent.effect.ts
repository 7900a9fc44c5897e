import { ChatwootAgentInbox } from '../adapters/chatwoot/chatwoot-agent-inbox.js';
import type { GraphMediaDownloader } from '../adapters/whatsapp/graph-media-downloader.js';
import type { AgentForwardInput, AgentForwardOutput } from '../domain/conversation.js';
import type { AgentBoundMessage } from '../ports/agent-inbox.js';
import { conversationKey } from '../domain/conversation-key.js';
import { createPseudonymizer } from '../observability/pseudonymize.js';
import { defineEffect } from './effect-definition.js';
import { mediaDownloaderFrom } from './media-downloader.js';

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
    const downloader = mediaDownloaderFrom(config, chatwoot.timeoutMs);
    return async (input: AgentForwardInput, { signal, conversation }): Promise<AgentForwardOutput> => {
      if (!conversation) throw new Error('forwardToAgent was called without its conversation');
      const sourceId = pseudonym(conversationKey(conversation));
      await agentLinks?.link(sourceId, conversation);
      const phone = chatwoot.sharePhone ? conversation.user.phone : undefined;
      const citizen = { pseudonym: sourceId, ...(input.name === undefined ? {} : { name: input.name }), ...(phone === undefined ? {} : { phone }) };
      const messages = await Promise.all(input.messages.map((message) => withFile(message, downloader, config.mediaMaxBytes, signal)));
      return inbox.forward({ citizen, messages, ...(input.conversationId === undefined ? {} : { conversationId: input.conversationId }) }, { signal });
    };
  },
});

/** What agents may receive: what WhatsApp users send, photos, documents, voice notes and videos. */
const AGENT_FILE_TYPES = [
  'image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'video/mp4', 'video/3gpp',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** A message with its file fetched from WhatsApp; a file that cannot be fetched leaves the text alone, said so. */
async function withFile(
  message: AgentForwardInput['messages'][number],
  downloader: GraphMediaDownloader | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<AgentBoundMessage> {
  const base = { id: message.id, text: message.text };
  if (!message.media) return base;
  try {
    if (!downloader) throw new Error('no WHATSAPP_TOKEN to fetch files with');
    const file = await downloader.download(message.media.mediaId, { types: AGENT_FILE_TYPES, maxBytes }, { signal });
    const extension = file.mimeType.split('/')[1]?.split(/[+;.-]/)[0] ?? 'bin';
    return { ...base, file: { ...file, filename: message.media.filename ?? `fichier.${extension}` } };
  } catch {
    // The agents still get the message, and know a file was meant to come with it.
    return { ...base, text: `${message.text}\n[fichier envoyé sur WhatsApp, non récupérable]` };
  }
}
