import { describe, expect, it } from '@jest/globals';
import { parseChatwootPayload } from '../../../src/webhook/chatwoot/parse-chatwoot.js';

// Shapes as Chatwoot builds them (reference: /work/shared/reference/chatwoot.md §3), abridged.
const conversation = { id: 123, status: 'open', contact_inbox: { source_id: 'a1b2c3d4e5f6' }, meta: {} };
const message = (fields: Record<string, unknown>) => ({
  event: 'message_created',
  id: 992,
  content: 'C’est prêt.',
  message_type: 'outgoing',
  content_type: 'text',
  private: false,
  source_id: null,
  sender: { id: 5, name: 'Claire', email: 'c@x.org', type: 'user' },
  inbox: { id: 7, name: 'WhatsApp handoff' },
  account: { id: 1, name: 'CSS' },
  conversation,
  ...fields,
});

describe('parseChatwootPayload', () => {
  it('reads an agent’s public reply', () => {
    expect(parseChatwootPayload(message({}))).toEqual({
      sourceId: 'a1b2c3d4e5f6',
      conversationId: 123,
      deliveryId: 'message:992',
      event: { type: 'agent.message', text: 'C’est prêt.' },
    });
  });

  it('sends attachments as their links, after the text', () => {
    const act = parseChatwootPayload(message({ attachments: [{ id: 3, file_type: 'image', data_url: 'https://cw.example/rails/active_storage/x.jpg' }] }));
    expect(act?.event).toEqual({ type: 'agent.message', text: 'C’est prêt.\nhttps://cw.example/rails/active_storage/x.jpg' });
  });

  it.each([
    ['a private note', message({ private: true })],
    ['the citizen’s own message echoed back', message({ message_type: 'incoming', sender: { id: 42, name: 'Awa' } })],
    ['a bot’s message', message({ sender: { id: 1, name: 'Bot', type: 'agent_bot' } })],
    ['an activity message', message({ message_type: 'activity' })],
    ['an empty reply', message({ content: '   ' })],
    ['a message update', message({ event: 'message_updated' })],
    ['a conversation opened', { event: 'conversation_status_changed', id: 123, status: 'open', contact_inbox: { source_id: 'x' } }],
    ['an unknown event', { event: 'contact_created', id: 42 }],
    ['not an object', 'hello'],
  ])('ignores %s', (_case, payload) => {
    expect(parseChatwootPayload(payload)).toBeUndefined();
  });

  it('reads a resolve, its delivery id telling a second resolve from a redelivery', () => {
    const resolved = { event: 'conversation_status_changed', id: 123, status: 'resolved', contact_inbox: { source_id: 'a1b2c3d4e5f6' }, updated_at: 1750150100.12, changed_attributes: null };
    expect(parseChatwootPayload(resolved)).toEqual({
      sourceId: 'a1b2c3d4e5f6',
      conversationId: 123,
      deliveryId: 'resolved:123:1750150100.12',
      event: { type: 'agent.resolved' },
    });
  });
});
