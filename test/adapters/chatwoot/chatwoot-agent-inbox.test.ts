import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ChatwootAgentInbox } from '../../../src/adapters/chatwoot/chatwoot-agent-inbox.js';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { AgentInboxError } from '../../../src/domain/errors.js';
import { startChatwootStandIn, type ChatwootStandIn } from '../../support/chatwoot-stand-in.js';

let chatwoot: ChatwootStandIn;

const inboxWith = (token: string, retries = 0) =>
  new ChatwootAgentInbox({
    http: createHttpClient({ baseURL: `${chatwoot.url}/api/v1/accounts/${chatwoot.accountId}`, timeoutMs: 2000, headers: { api_access_token: token } }),
    inboxId: chatwoot.inboxId,
    retries,
  });

beforeAll(async () => {
  chatwoot = await startChatwootStandIn();
});
afterAll(() => chatwoot.close());
beforeEach(() => chatwoot.failWith(undefined));

describe('ChatwootAgentInbox', () => {
  it('opens a conversation for a new citizen, a contact named and identified by pseudonym only, and posts the messages as incoming', async () => {
    const inbox = inboxWith(chatwoot.token);
    const receipt = await inbox.forward({
      citizen: { pseudonym: 'a1b2c3d4e5f6', name: 'Awa' },
      messages: [{ id: 'wamid.1', text: 'Je veux parler à un agent' }, { id: 'wamid.2', text: 'Ma pension est en retard' }],
    });
    expect(receipt.forwarded).toBe(2);
    const contact = chatwoot.contacts.find((candidate) => candidate.identifier === 'wa:a1b2c3d4e5f6');
    expect(contact).toMatchObject({ name: 'Awa' });
    expect(contact?.phone_number).toBeUndefined();
    const conversation = chatwoot.conversationOf('a1b2c3d4e5f6');
    expect(conversation?.id).toBe(receipt.conversationId);
    expect(conversation?.messages.map((m) => [m.message_type, m.private, m.content, m.source_id])).toEqual([
      ['incoming', false, 'Je veux parler à un agent', 'wamid.1'],
      ['incoming', false, 'Ma pension est en retard', 'wamid.2'],
    ]);
  });

  it('gives the phone number only when asked to, in E.164', async () => {
    await inboxWith(chatwoot.token).forward({ citizen: { pseudonym: 'phone0000001', phone: '221771234567' }, messages: [{ id: 'w', text: 'x' }] });
    expect(chatwoot.contacts.find((c) => c.identifier === 'wa:phone0000001')?.phone_number).toBe('+221771234567');
  });

  it('finds a citizen who came before (422 on create) and reuses their conversation', async () => {
    const inbox = inboxWith(chatwoot.token);
    const first = await inbox.forward({ citizen: { pseudonym: 'back00000001' }, messages: [{ id: 'w1', text: 'un' }] });
    const again = await inbox.forward({ citizen: { pseudonym: 'back00000001' }, messages: [{ id: 'w2', text: 'deux' }] });
    expect(again.conversationId).toBe(first.conversationId);
    expect(chatwoot.contacts.filter((c) => c.identifier === 'wa:back00000001')).toHaveLength(1);
  });

  it('posts into a known conversation without touching contacts', async () => {
    const inbox = inboxWith(chatwoot.token);
    const { conversationId } = await inbox.forward({ citizen: { pseudonym: 'known0000001' }, messages: [] });
    const contactsBefore = chatwoot.contacts.length;
    await inbox.forward({ citizen: { pseudonym: 'known0000001' }, conversationId, messages: [{ id: 'w3', text: 'trois' }] });
    expect(chatwoot.contacts.length).toBe(contactsBefore);
    expect(chatwoot.conversationOf('known0000001')?.messages.map((m) => m.content)).toEqual(['trois']);
  });

  it('writes private notes', async () => {
    const inbox = inboxWith(chatwoot.token);
    const { conversationId } = await inbox.forward({ citizen: { pseudonym: 'note00000001' }, messages: [] });
    await inbox.notePrivately(conversationId, 'Non transmis');
    expect(chatwoot.conversationOf('note00000001')?.messages).toEqual([expect.objectContaining({ content: 'Non transmis', message_type: 'outgoing', private: true })]);
  });

  it('fails with a retryable AgentInboxError while Chatwoot is down, and a final one on a bad token (the token never in the message)', async () => {
    chatwoot.failWith(503);
    const down = await inboxWith(chatwoot.token, 1).forward({ citizen: { pseudonym: 'down00000001' }, messages: [{ id: 'w', text: 'x' }] }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(AgentInboxError);
    expect(down).toMatchObject({ retryable: true, httpStatus: 503 });
    chatwoot.failWith(undefined);
    const refused = await inboxWith('wrong-token').forward({ citizen: { pseudonym: 'down00000001' }, messages: [] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ retryable: false, httpStatus: 401 });
    expect(String((refused as Error).message)).not.toContain('wrong-token');
  });

  it('tries again a call Chatwoot refused with 429 before acting on it', async () => {
    chatwoot.failWith(429);
    const pending = inboxWith(chatwoot.token, 3).forward({ citizen: { pseudonym: 'busy00000001' }, messages: [{ id: 'w', text: 'x' }] });
    setTimeout(() => chatwoot.failWith(undefined), 100);
    await expect(pending).resolves.toMatchObject({ forwarded: 1 });
  });
});
