import { describe, expect, it } from '@jest/globals';
import type { InboundContent, InboundMessage } from '../../src/domain/inbound.js';
import { parseWebhookPayload } from '../../src/webhook/parse-payload.js';
import * as b from '../builders/payloads.js';

const parse = (...parts: b.Part[]) => parseWebhookPayload(JSON.parse(b.toWire(b.webhookBody(...parts))));
const only = (part: b.BuiltMessage): InboundMessage => {
  const parsed = parse(part);
  expect(parsed).toMatchObject({ unknown: 0, statuses: [] });
  const [message, ...rest] = parsed.messages;
  if (message === undefined || rest.length > 0) throw new Error(`expected one message, got ${parsed.messages.length}`);
  return message;
};

describe('parseWebhookPayload: messages', () => {
  it('reads a text message with its wamid, user, number, timestamp, profile name and reply context', () => {
    const body = "  J'ai mangé des pâtes / à 10h 😮\n";
    const message = only(b.textMessage({ body, wamid: 'wamid.T1', timestamp: 1764000123, replyTo: 'wamid.OUT1' }));
    expect(message).toEqual({
      wamid: 'wamid.T1',
      user: { id: '221771234567', phone: '221771234567' },
      phoneNumberId: '106540352242922',
      timestamp: 1764000123,
      profileName: 'Awa Diop',
      replyTo: 'wamid.OUT1',
      content: { type: 'text', body },
    });
  });

  it.each<[string, b.BuiltMessage, InboundContent]>([
    ['button_reply', b.buttonReply({ id: 'menu', title: 'Menu' }), { type: 'choice', id: 'menu', title: 'Menu', source: 'button_reply' }],
    ['list_reply', b.listReply({ id: 'cotisations', title: 'Cotisations', description: 'Taux' }),
      { type: 'choice', id: 'cotisations', title: 'Cotisations', source: 'list_reply' }],
    ['template button', b.templateButton({ payload: 'aide', text: "Besoin d'aide" }),
      { type: 'choice', id: 'aide', title: "Besoin d'aide", source: 'button' }],
    ['image', b.mediaMessage('image', { mediaId: 'M1', caption: 'Reçu' }),
      { type: 'media', media: 'image', mediaId: 'M1', mimeType: 'image/jpeg', caption: 'Reçu' }],
    ['document', b.mediaMessage('document', { mediaId: 'M2', filename: 'attestation.pdf', caption: 'Voici' }),
      { type: 'media', media: 'document', mediaId: 'M2', mimeType: 'application/pdf', filename: 'attestation.pdf', caption: 'Voici' }],
    ['audio', b.mediaMessage('audio', { mediaId: 'M3' }), { type: 'media', media: 'audio', mediaId: 'M3', mimeType: 'audio/ogg; codecs=opus' }],
    ['video', b.mediaMessage('video', { mediaId: 'M4' }), { type: 'media', media: 'video', mediaId: 'M4', mimeType: 'video/mp4' }],
    ['sticker', b.mediaMessage('sticker', { mediaId: 'M5' }), { type: 'media', media: 'sticker', mediaId: 'M5', mimeType: 'image/webp' }],
    ['location', b.locationMessage({ latitude: 14.6928, longitude: -17.4467, place: 'CSS Dakar', address: 'Place de l’Indépendance' }),
      { type: 'location', latitude: 14.6928, longitude: -17.4467, name: 'CSS Dakar' }],
    ['current location', b.locationMessage({ latitude: 14.7, longitude: -17.4 }), { type: 'location', latitude: 14.7, longitude: -17.4 }],
    ['contacts', b.contactsMessage({ cards: ['Moussa Ndiaye', 'Fatou Sall'] }), { type: 'contacts', count: 2 }],
    ['reaction', b.reactionMessage({ messageId: 'wamid.OUT2', emoji: '🙏' }), { type: 'reaction', messageId: 'wamid.OUT2', emoji: '🙏' }],
    ['reaction removed (empty)', b.reactionMessage({ messageId: 'wamid.OUT2', emoji: '' }), { type: 'reaction', messageId: 'wamid.OUT2' }],
    ['reaction removed (absent)', b.reactionMessage({ messageId: 'wamid.OUT2', emoji: null }), { type: 'reaction', messageId: 'wamid.OUT2' }],
    ['unsupported with its type', b.unsupportedMessage({ originalType: 'poll_creation' }), { type: 'unsupported', originalType: 'poll_creation' }],
    ['unsupported without type', b.unsupportedMessage({ originalType: null }), { type: 'unsupported', originalType: 'unsupported' }],
  ])('reads %s', (_label, part, content) => {
    const message = only(part);
    expect(message.content).toEqual(content);
    expect(message.content).not.toHaveProperty('description');
  });

  it('keeps context.id of a tap as replyTo', () => {
    expect(only(b.buttonReply({ id: 'aide', title: 'Aide', replyTo: 'wamid.MENU' })).replyTo).toBe('wamid.MENU');
  });

  it.each([
    ['order', { order: { catalog_id: '1', product_items: [] } }, 'order'],
    ['constructor', {}, 'constructor'],
  ])('turns the unknown type %s into unsupported', (type, payload, originalType) => {
    const part = b.textMessage({ body: 'x' });
    delete part.message['text'];
    Object.assign(part.message, { type, ...payload });
    expect(only(part).content).toEqual({ type: 'unsupported', originalType });
  });

  it('turns an unknown interactive reply into unsupported, naming it', () => {
    const part = b.buttonReply({ id: 'x', title: 'x' });
    part.message['interactive'] = { type: 'nfm_reply', nfm_reply: { response_json: '{}' } };
    expect(only(part).content).toEqual({ type: 'unsupported', originalType: 'interactive.nfm_reply' });
  });
});

describe('parseWebhookPayload: users and profile names', () => {
  it('keys a user by from_user_id when present, keeping the phone', () => {
    const message = only(b.textMessage({ body: 'Bonjour', fromUserId: 'SN.13491208655302741918' }));
    expect(message.user).toEqual({ id: 'SN.13491208655302741918', phone: '221771234567', bsuid: 'SN.13491208655302741918' });
  });

  it('reads a username-only user who has no from', () => {
    const part = b.textMessage({ body: 'Salut', from: null, fromUserId: 'SN.42', name: 'awa.d' });
    expect(part.message).not.toHaveProperty('from');
    const message = only(part);
    expect(message.user).toEqual({ id: 'SN.42', bsuid: 'SN.42' });
    expect(message.profileName).toBe('awa.d');
  });

  it('matches contacts to messages by user_id or wa_id, not by index', () => {
    const awa = b.textMessage({ body: 'a', from: '221771111111', fromUserId: 'SN.1', name: 'Awa' });
    const moussa = b.textMessage({ body: 'b', from: '221772222222', name: 'Moussa' });
    const body = b.webhookBody(awa, moussa);
    const value = body.entry[0]?.changes[0]?.value as b.JsonObject;
    value['contacts'] = [
      { profile: { name: 'Moussa' }, wa_id: '221772222222' },
      { profile: { name: 'Awa' }, wa_id: '999', user_id: 'SN.1' },
    ];
    const { messages } = parseWebhookPayload(body);
    expect(messages.map((m) => [m.user.id, m.profileName])).toEqual([['SN.1', 'Awa'], ['221772222222', 'Moussa']]);
  });

  it('omits profileName when no contact matches', () => {
    const part = b.textMessage({ body: 'x', name: null });
    expect(only(part)).not.toHaveProperty('profileName');
  });
});

describe('parseWebhookPayload: statuses', () => {
  it('reads delivered, read and failed statuses with their error codes', () => {
    const { statuses, unknown } = parse(
      b.statusUpdate({ wamid: 'wamid.O1', status: 'sent', timestamp: 1750030073 }),
      b.statusUpdate({ wamid: 'wamid.O1', status: 'read', recipientId: null, recipientUserId: 'SN.7' }),
      b.statusUpdate({ wamid: 'wamid.O2', status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] }),
    );
    expect(unknown).toBe(0);
    expect(statuses[0]).toEqual({
      wamid: 'wamid.O1', status: 'sent', phoneNumberId: '106540352242922', timestamp: 1750030073, recipientId: '221771234567', errors: [],
      pricing: { category: 'service', billable: 'yes', pricingModel: 'PMP' },
    });
    expect(statuses[1]).toMatchObject({ status: 'read', recipientId: 'SN.7' });
    expect(statuses[2]).toMatchObject({ wamid: 'wamid.O2', status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] });
  });
});

describe('parseWebhookPayload: batches', () => {
  it('reads 1,000 updates across several entries and changes, in order, quickly', () => {
    const entries = Array.from({ length: 4 }, (_, e) =>
      Array.from({ length: 250 }, (_, i) =>
        i % 5 === 4
          ? b.statusUpdate({ wamid: `wamid.S${e}.${i}`, phoneNumberId: `PN${i % 2}` })
          : b.textMessage({ body: `q${e}.${i}`, wamid: `wamid.M${e}.${i}`, from: `22177${i % 7}`, phoneNumberId: `PN${i % 2}` }),
      ),
    );
    const body = JSON.parse(b.toWire(b.batchBody(...entries))) as unknown;
    const started = performance.now();
    const parsed = parseWebhookPayload(body);
    expect(performance.now() - started).toBeLessThan(250);
    expect(parsed.unknown).toBe(0);
    expect(parsed.messages).toHaveLength(800);
    expect(parsed.statuses).toHaveLength(200);
    expect(parsed.messages.filter((m) => m.phoneNumberId === 'PN1').map((m) => m.wamid).slice(0, 3))
      .toEqual(['wamid.M0.1', 'wamid.M0.3', 'wamid.M0.5']);
    expect(new Set(parsed.messages.map((m) => m.wamid)).size).toBe(800);
  });
});

describe('parseWebhookPayload: unknown shapes are counted, never thrown', () => {
  const good = () => b.textMessage({ body: 'ok', wamid: 'wamid.GOOD' });
  const broken = (edit: (m: b.JsonObject) => void) => {
    const part = b.textMessage({ body: 'bad' });
    edit(part.message);
    return part;
  };

  it.each<[string, unknown]>([
    ['null', null], ['an array', []], ['a string', 'whatsapp_business_account'], ['a number', 42],
    ['another object', { object: 'page', entry: [] }], ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
  ])('counts %s as one unknown', (_label, body) => {
    expect(parseWebhookPayload(body)).toEqual({ messages: [], statuses: [], identityChanges: [], systemMessages: 0, unknown: 1 });
  });

  it('counts bad entries, other fields, value-level errors and values without a phone number id', () => {
    const noNumber = b.webhookBody(b.textMessage({ body: 'a' }), b.textMessage({ body: 'b' })).entry[0]?.changes[0] as b.RawChange;
    delete ((noNumber.value as b.JsonObject)['metadata'] as b.JsonObject)['phone_number_id'];
    const body = b.batchBody(
      [noNumber, { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }, good()],
      [{ field: 'messages', value: { messaging_product: 'whatsapp', errors: [{ code: 130429, title: 'Rate limit hit' }] } }],
    );
    body.entry.push({ id: 'x' } as (typeof body.entry)[number]);
    const parsed = parseWebhookPayload(body);
    expect(parsed.messages.map((m) => m.wamid)).toEqual(['wamid.GOOD']);
    expect(parsed.unknown).toBe(2 + 1 + 1 + 1);
  });

  it('counts each message without wamid, user or timestamp, answers one whose content is broken, and keeps its neighbours', () => {
    const parsed = parse(
      broken((m) => delete m['id']),
      broken((m) => { delete m['from']; }),
      broken((m) => { m['timestamp'] = 'yesterday'; }),
      broken((m) => { m['text'] = 'not an object'; }),
      good(),
      b.buttonReply({ id: '', title: 'empty id' }),
      b.mediaMessage('image', { mediaId: '' }),
      b.locationMessage({ latitude: Number.NaN, longitude: 0 }),
      b.statusUpdate({ status: '' }),
    );
    // A user who sent something we cannot read is told so (`unsupported`) rather than left without an answer.
    expect(parsed.messages.map((m) => (m.wamid === 'wamid.GOOD' ? 'good' : m.content))).toEqual([
      { type: 'unsupported', originalType: 'text' },
      'good',
      { type: 'unsupported', originalType: 'interactive' },
      { type: 'unsupported', originalType: 'image' },
      { type: 'unsupported', originalType: 'location' },
    ]);
    expect(parsed.unknown).toBe(4);
  });
});
