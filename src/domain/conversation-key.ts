import type { ConversationRef } from './lane-input.js';

/** `%`, the separator `:` and Redis Cluster's hash-tag braces, escaped inside each part. */
const SPECIAL = /[%:{}]/g;
const escapePart = (part: string): string => part.replace(SPECIAL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * One conversation per business number and user. The store, the lanes and the leases all use this key,
 * so "one conversation, one lane" holds everywhere. Each part is escaped, so two different pairs never share a
 * key (`PN1:555` + `777` and `PN1` + `555:777` stay apart) and no id can end a Redis hash tag early. Meta's
 * ids (digits, `CC.` + alphanumerics) contain none of the escaped characters: their keys read as before.
 *
 * @example
 * conversationKey({ phoneNumberId: '106540352242922', user: { id: '221771234567' } }) // '106540352242922:221771234567'
 */
export function conversationKey(to: ConversationRef): string {
  return `${escapePart(to.phoneNumberId)}:${escapePart(to.user.id)}`;
}
