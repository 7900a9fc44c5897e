import { describe, expect, it } from '@jest/globals';
import { parseWebhookPayload } from '../../src/webhook/parse-payload.js';
import { parseIdentityChange } from '../../src/webhook/parse-system-message.js';

const base = { id: 'wamid.S1', timestamp: '1786000000', type: 'system' };

describe('parseIdentityChange', () => {
  it('reads a number change, with the new BSUID when Meta gives one (2026-08)', () => {
    expect(parseIdentityChange({ ...base, from: '221771111111', system: {
      type: 'user_changed_number', body: 'User Awa changed from 221771111111 to 221772222222',
      wa_id: '221772222222', user_id: 'SN.NEW1', previous_user_id: 'SN.OLD1' } }, 'PN1')).toEqual({
      wamid: 'wamid.S1', phoneNumberId: 'PN1', timestamp: 1786000000,
      previousIds: ['SN.OLD1', '221771111111'], user: { id: 'SN.NEW1', phone: '221772222222', bsuid: 'SN.NEW1' },
    });
  });

  it('reads the legacy customer_changed_number (new_wa_id, customer)', () => {
    expect(parseIdentityChange({ ...base, system: { type: 'customer_changed_number', customer: '221771111111', new_wa_id: '221772222222' } }, 'PN1'))
      .toMatchObject({ previousIds: ['221771111111'], user: { id: '221772222222', phone: '221772222222' } });
  });

  it('reads a user id change, from its fields or else from its body', () => {
    expect(parseIdentityChange({ ...base, system: { type: 'user_changed_user_id', user_id: 'MX.09', previous_user_id: 'CO.12' } }, 'PN1'))
      .toMatchObject({ previousIds: ['CO.12'], user: { id: 'MX.09', bsuid: 'MX.09' } });
    expect(parseIdentityChange({ ...base, system: { type: 'user_changed_user_id', body: 'User changed from CO.12 to MX.09' } }, 'PN1'))
      .toMatchObject({ previousIds: ['CO.12'], user: { id: 'MX.09' } });
  });

  it('gives nothing for a change it cannot follow, or a system message that is not one', () => {
    expect(parseIdentityChange({ ...base, from: '221771111111', system: { type: 'customer_identity_changed', body: 'User identity changed' } }, 'PN1')).toBeUndefined();
    expect(parseIdentityChange({ ...base, from: '221771111111', system: { type: 'user_changed_number' } }, 'PN1')).toBeUndefined();
    expect(parseIdentityChange({ ...base, system: { type: 'user_changed_number', wa_id: 'a:b', customer: '1' } }, 'PN1')).toBeUndefined();
  });
});

describe('parseWebhookPayload and system messages', () => {
  it('never makes a message of them: counted, and identity changes listed', () => {
    const value = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '1', phone_number_id: 'PN1' },
      messages: [
        { ...base, from: '221771111111', system: { type: 'user_changed_number', wa_id: '221772222222' } },
        { ...base, id: 'wamid.S2', from: '221771111111', system: { type: 'customer_identity_changed' } },
        { ...base, id: 'wamid.S3', system: 'broken' },
      ],
    };
    const parsed = parseWebhookPayload({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value }] }] });
    expect(parsed).toMatchObject({ messages: [], systemMessages: 3, unknown: 0 });
    expect(parsed.identityChanges.map((c) => c.user.id)).toEqual(['221772222222']);
  });
});
