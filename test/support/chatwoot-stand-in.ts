/**
 * A Chatwoot stand-in on 127.0.0.1, following /work/shared/reference/chatwoot.md: the application API of one
 * account with one API-channel inbox locked to a single conversation per contact (`api_access_token` header;
 * contacts, contact inboxes, conversations, messages), and its webhooks, signed as Chatwoot ≥ 4.13 signs an API
 * inbox's (`X-Chatwoot-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`), posted to the inbox's
 * `webhook_url` for every message created (the citizen's incoming ones too) and every status change. A test plays
 * the agent with `reply`, `note` and `resolve`, and replays a delivery with `redeliver`.
 */

import { buffer } from 'node:stream/consumers';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.js';

export interface StandInContact {
  readonly id: number;
  readonly name: string;
  readonly identifier?: string;
  readonly phone_number?: string;
  readonly sourceIds: string[];
}

export interface StandInMessage {
  readonly id: number;
  readonly content: string;
  readonly message_type: 'incoming' | 'outgoing';
  readonly private: boolean;
  readonly source_id: string | null;
  /** Files posted as multipart `attachments[]`. */
  readonly attachments?: ReadonlyArray<{ readonly filename?: string; readonly contentType?: string; readonly bytes: Buffer }>;
}

export interface StandInConversation {
  readonly id: number;
  readonly contactId: number;
  readonly sourceId: string;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  readonly messages: StandInMessage[];
}

/** One webhook POST as sent: replaying it is what a duplicate delivery is. */
export interface Delivery {
  readonly body: string;
  readonly headers: Record<string, string>;
  /** Our route's answer. */
  readonly status: number;
}

export interface ChatwootStandIn {
  /** `CHATWOOT_URL`. */
  readonly url: string;
  readonly accountId: number;
  readonly inboxId: number;
  readonly token: string;
  readonly secret: string;
  readonly contacts: StandInContact[];
  readonly conversations: StandInConversation[];
  readonly deliveries: Delivery[];
  /** Where webhooks go (the API inbox's `webhook_url`). */
  setWebhookUrl(url: string): void;
  /** While set, every API call is answered with this status (Chatwoot down). */
  failWith(status: number | undefined): void;
  /** The conversation of a citizen's source id (their pseudonym). */
  conversationOf(sourceId: string): StandInConversation | undefined;
  /** An agent's reply: an outgoing message from a user, webhook `message_created`. */
  reply(conversationId: number, content: string): Promise<Delivery>;
  /** A private note: outgoing, `private: true`. */
  note(conversationId: number, content: string): Promise<Delivery>;
  /** The agent resolves: webhook `conversation_status_changed`. */
  resolve(conversationId: number): Promise<Delivery>;
  /** Posts a delivery again, byte for byte. */
  redeliver(delivery: Delivery): Promise<Delivery>;
  close(): Promise<void>;
}

const AGENT = { id: 5, name: 'Claire', email: 'claire@css.example', type: 'user' };

type Attachment = NonNullable<StandInMessage['attachments']>[number];

/** A JSON body, or a multipart one (a message with files) as its fields and its `attachments[]`. */
function bodyOf(raw: Buffer, contentType: string | undefined): { fields: Record<string, unknown>; attachments: Attachment[] } {
  if (!/^multipart\//i.test(contentType ?? '')) return { fields: (raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))) as Record<string, unknown>, attachments: [] };
  const parts = parseMultipart(contentType, raw) ?? [];
  const fields: Record<string, unknown> = {};
  const attachments: Attachment[] = [];
  for (const part of parts) {
    if (part.name === 'attachments[]') {
      attachments.push({ bytes: part.data, ...(part.filename === undefined ? {} : { filename: part.filename }), ...(part.contentType === undefined ? {} : { contentType: part.contentType }) });
    } else {
      const value = part.data.toString('utf8');
      fields[part.name] = part.name === 'private' ? value === 'true' : value;
    }
  }
  return { fields, attachments };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

type Body = Record<string, unknown>;

/**
 * @example
 * const chatwoot = await startChatwootStandIn();
 * chatwoot.setWebhookUrl(`${server.url}/chatwoot/webhook`);
 */
export async function startChatwootStandIn(options: { readonly accountId?: number; readonly inboxId?: number } = {}): Promise<ChatwootStandIn> {
  const accountId = options.accountId ?? 1;
  const inboxId = options.inboxId ?? 7;
  const token = `cw-token-${randomUUID()}`;
  const secret = `cw-secret-${randomUUID()}`;
  const contacts: StandInContact[] = [];
  const conversations: StandInConversation[] = [];
  const deliveries: Delivery[] = [];
  let webhookUrl: string | undefined;
  let failing: number | undefined;
  let nextMessageId = 990;
  const inbox = { id: inboxId, name: 'WhatsApp handoff', channel_type: 'Channel::Api' };
  const account = { id: accountId, name: 'CSS' };
  const base = `/api/v1/accounts/${accountId}`;

  const conversationJson = (conversation: StandInConversation) => ({
    id: conversation.id,
    account_id: accountId,
    inbox_id: inboxId,
    uuid: `uuid-${conversation.id}`,
    status: conversation.status,
    can_reply: true,
    channel: 'Channel::Api',
    contact_inbox: { source_id: conversation.sourceId },
    meta: { sender: { id: conversation.contactId, type: 'contact' }, channel: 'Channel::Api' },
    messages: [],
    labels: [],
    custom_attributes: {},
    unread_count: 0,
    created_at: 1750150000,
    updated_at: Date.now() / 1000,
    account,
  });

  const post = async (payload: Body): Promise<Delivery> => {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-chatwoot-delivery': randomUUID(),
      'x-chatwoot-timestamp': timestamp,
      'x-chatwoot-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
    };
    return deliver(body, headers);
  };

  const deliver = async (body: string, headers: Record<string, string>): Promise<Delivery> => {
    if (!webhookUrl) throw new Error('the stand-in has no webhook_url: call setWebhookUrl first');
    const response = await fetch(webhookUrl, { method: 'POST', headers, body });
    await response.text();
    const delivery = { body, headers, status: response.status };
    deliveries.push(delivery);
    return delivery;
  };

  const messageCreated = (conversation: StandInConversation, message: StandInMessage, sender: Body | null): Body => ({
    event: 'message_created',
    id: message.id,
    content: message.content,
    message_type: message.message_type,
    content_type: 'text',
    content_attributes: {},
    additional_attributes: {},
    private: message.private,
    source_id: message.source_id,
    created_at: new Date().toISOString(),
    sender,
    inbox: { id: inboxId, name: inbox.name },
    account,
    conversation: conversationJson(conversation),
  });

  const addMessage = (conversation: StandInConversation, fields: Omit<StandInMessage, 'id'>): StandInMessage => {
    const message = { id: (nextMessageId += 1), ...fields };
    conversation.messages.push(message);
    return message;
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await buffer(req);
    if (req.headers['api_access_token'] !== token) return send(res, 401, { error: 'Invalid Access Token' });
    if (failing !== undefined) return send(res, failing, { error: 'Service Unavailable' });
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (!url.pathname.startsWith(`${base}/`)) return send(res, 404, { error: 'Resource could not be found' });
    const path = url.pathname.slice(base.length);
    const { fields: body, attachments } = bodyOf(raw, req.headers['content-type']);

    if (req.method === 'POST' && path === '/contacts') {
      const identifier = typeof body['identifier'] === 'string' ? body['identifier'] : undefined;
      const phone = typeof body['phone_number'] === 'string' ? body['phone_number'] : undefined;
      if (identifier && contacts.some((contact) => contact.identifier === identifier)) {
        return send(res, 422, { message: 'Identifier has already been taken', attributes: ['identifier'] });
      }
      if (phone !== undefined && !/^\+\d{6,15}$/.test(phone)) return send(res, 422, { message: 'Phone number should be in e164 format', attributes: ['phone_number'] });
      const sourceId = typeof body['source_id'] === 'string' ? body['source_id'] : randomUUID();
      const contact: StandInContact = {
        id: contacts.length + 42,
        name: String(body['name'] ?? ''),
        ...(identifier ? { identifier } : {}),
        ...(phone ? { phone_number: phone } : {}),
        sourceIds: body['inbox_id'] === inboxId ? [sourceId] : [],
      };
      contacts.push(contact);
      const contactInbox = { source_id: sourceId, inbox };
      return send(res, 200, { payload: { contact: { ...contact, contact_inboxes: [contactInbox] }, contact_inbox: contactInbox } });
    }
    if (req.method === 'GET' && path === '/contacts/search') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const found = contacts.filter((contact) => [contact.name, contact.identifier, contact.phone_number].some((field) => field?.toLowerCase().includes(q)));
      return send(res, 200, { meta: { count: found.length, current_page: 1, has_more: false }, payload: found.map((contact) => ({ ...contact, contact_inboxes: contact.sourceIds.map((source_id) => ({ source_id, inbox })) })) });
    }
    const contactInboxes = /^\/contacts\/(\d+)\/contact_inboxes$/.exec(path);
    if (req.method === 'POST' && contactInboxes) {
      const contact = contacts.find((candidate) => candidate.id === Number(contactInboxes[1]));
      if (!contact) return send(res, 404, { error: 'Resource could not be found' });
      const sourceId = typeof body['source_id'] === 'string' ? body['source_id'] : randomUUID();
      if (!contact.sourceIds.includes(sourceId)) contact.sourceIds.push(sourceId);
      return send(res, 200, { source_id: sourceId, inbox });
    }
    if (req.method === 'POST' && path === '/conversations') {
      const contact = contacts.find((candidate) => candidate.id === body['contact_id']);
      const sourceId = String(body['source_id'] ?? '');
      if (!contact || !contact.sourceIds.includes(sourceId) || body['inbox_id'] !== inboxId) return send(res, 422, { error: 'Contact inbox not found' });
      // lock_to_single_conversation: the contact inbox's last conversation, whatever its status.
      const existing = [...conversations].reverse().find((conversation) => conversation.sourceId === sourceId);
      const conversation = existing ?? { id: conversations.length + 123, contactId: contact.id, sourceId, status: 'open' as const, messages: [] };
      if (!existing) conversations.push(conversation);
      return send(res, 200, conversationJson(conversation));
    }
    const messages = /^\/conversations\/(\d+)\/messages$/.exec(path);
    if (req.method === 'POST' && messages) {
      const conversation = conversations.find((candidate) => candidate.id === Number(messages[1]));
      if (!conversation) return send(res, 404, { error: 'Resource could not be found' });
      const type = body['message_type'] === 'incoming' ? 'incoming' : 'outgoing';
      const message = addMessage(conversation, {
        content: String(body['content'] ?? ''),
        message_type: type,
        private: body['private'] === true,
        source_id: typeof body['source_id'] === 'string' ? body['source_id'] : null,
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      // A citizen writing into a resolved conversation opens it again.
      if (type === 'incoming' && conversation.status === 'resolved') conversation.status = 'open';
      send(res, 200, { id: message.id, conversation_id: conversation.id, message_type: type === 'incoming' ? 0 : 1, status: 'sent', private: message.private, source_id: message.source_id, created_at: Math.floor(Date.now() / 1000), content: message.content });
      // The inbox's webhook_url hears every message, the citizen's own included (our route must ignore those).
      if (webhookUrl) {
        const contact = contacts.find((candidate) => candidate.id === conversation.contactId);
        const sender = type === 'incoming' ? { id: contact?.id, name: contact?.name } : { id: 1, name: 'Bot', type: 'agent_bot' };
        await post(messageCreated(conversation, message, sender)).catch(() => undefined);
      }
      return;
    }
    return send(res, 404, { error: 'Resource could not be found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const find = (conversationId: number): StandInConversation => {
    const conversation = conversations.find((candidate) => candidate.id === conversationId);
    if (!conversation) throw new Error(`no conversation ${conversationId} in the stand-in`);
    return conversation;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    accountId,
    inboxId,
    token,
    secret,
    contacts,
    conversations,
    deliveries,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    failWith: (status) => {
      failing = status;
    },
    conversationOf: (sourceId) => [...conversations].reverse().find((conversation) => conversation.sourceId === sourceId),
    reply: (conversationId, content) => {
      const conversation = find(conversationId);
      const message = addMessage(conversation, { content, message_type: 'outgoing', private: false, source_id: null });
      return post(messageCreated(conversation, message, AGENT));
    },
    note: (conversationId, content) => {
      const conversation = find(conversationId);
      const message = addMessage(conversation, { content, message_type: 'outgoing', private: true, source_id: null });
      return post(messageCreated(conversation, message, AGENT));
    },
    resolve: (conversationId) => {
      const conversation = find(conversationId);
      conversation.status = 'resolved';
      return post({ event: 'conversation_status_changed', ...conversationJson(conversation), changed_attributes: null });
    },
    redeliver: (delivery) => deliver(delivery.body, delivery.headers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
