import type { InboundMessage } from '../domain/inbound.js';

/**
 * One conversation per business number and user. The store, the lanes and the leases all use this key,
 * so "one conversation, one lane" holds everywhere.
 */
export function conversationKey(message: Pick<InboundMessage, 'phoneNumberId' | 'user'>): string {
  return `${message.phoneNumberId}:${message.user.id}`;
}
