import type { ConversationRef } from './lane-input.js';

/**
 * One conversation per business number and user. The store, the lanes and the leases all use this key,
 * so "one conversation, one lane" holds everywhere.
 */
export function conversationKey(to: ConversationRef): string {
  return `${to.phoneNumberId}:${to.user.id}`;
}
