import { describe, expect, it } from '@jest/globals';
import { conversationKey } from '../../src/domain/conversation-key.js';

const key = (phoneNumberId: string, user: string) => conversationKey({ phoneNumberId, user: { id: user } });

describe('conversationKey', () => {
  it('reads as before for the ids Meta sends', () => {
    expect(key('106540352242922', '221771234567')).toBe('106540352242922:221771234567');
    expect(key('PN1', 'SN.1234ABC')).toBe('PN1:SN.1234ABC');
  });

  it('never gives two different pairs one key', () => {
    expect(key('PN1:555', '777')).not.toBe(key('PN1', '555:777'));
    expect(key('PN1%3A555', '777')).not.toBe(key('PN1:555', '777'));
  });

  it('keeps Redis hash-tag braces out of the key', () => {
    expect(key('PN1}', '{x')).not.toMatch(/[{}]/);
  });
});
