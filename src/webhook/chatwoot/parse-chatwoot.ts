import { z } from 'zod';
import type { AgentEvent } from '../../domain/conversation.js';

/**
 * Chatwoot's webhook payloads (reference: /work/shared/reference/chatwoot.md §3), read once, here. Only two acts
 * reach a citizen: an agent's public reply (`message_created`, `outgoing`, not `private`, from a `user`) and the
 * conversation resolved (`conversation_status_changed` to `resolved`). Everything else, the citizen's own messages
 * echoed back, private notes, a bot's messages, other statuses, is acknowledged and ignored.
 */

const id = z.number().int().nonnegative();
const sourceOf = z.object({ source_id: z.string().min(1).max(200) });

const agentReply = z.object({
  event: z.literal('message_created'),
  id,
  content: z.string().nullish(),
  message_type: z.literal('outgoing'),
  private: z.literal(false),
  sender: z.object({ type: z.literal('user') }),
  conversation: z.object({ id, contact_inbox: sourceOf }),
  attachments: z.array(z.object({ data_url: z.string().url().optional(), file_type: z.string().optional() })).optional(),
});

const resolved = z.object({
  event: z.literal('conversation_status_changed'),
  id,
  status: z.literal('resolved'),
  contact_inbox: sourceOf,
  updated_at: z.number().optional(),
});

/** One act for a citizen: whose (`sourceId`), in which agents' conversation, and a delivery id unique to the act. */
export interface ChatwootAct {
  readonly sourceId: string;
  readonly conversationId: number;
  readonly deliveryId: string;
  readonly event: AgentEvent;
}

/**
 * The act a payload carries for a citizen, or `undefined` when it carries none (nothing to do, answer 200).
 *
 * @example
 * parseChatwootPayload(JSON.parse(raw)) // { sourceId: 'a1b2…', conversationId: 123, deliveryId: 'message:992', event: { type: 'agent.message', text: 'Bonjour' } }
 */
export function parseChatwootPayload(payload: unknown): ChatwootAct | undefined {
  const reply = agentReply.safeParse(payload);
  if (reply.success) {
    const { data } = reply;
    // Files are sent as their links: the citizen opens them from WhatsApp.
    const links = (data.attachments ?? []).flatMap((file) => (file.data_url ? [file.data_url] : []));
    const text = [data.content?.trim() ?? '', ...links].filter((part) => part !== '').join('\n');
    if (text === '') return undefined;
    return { sourceId: data.conversation.contact_inbox.source_id, conversationId: data.conversation.id, deliveryId: `message:${data.id}`, event: { type: 'agent.message', text } };
  }
  const done = resolved.safeParse(payload);
  if (done.success) {
    const { data } = done;
    // Resolving, reopening and resolving again are two acts; the same delivery twice is one.
    return { sourceId: data.contact_inbox.source_id, conversationId: data.id, deliveryId: `resolved:${data.id}:${data.updated_at ?? 0}`, event: { type: 'agent.resolved' } };
  }
  return undefined;
}
