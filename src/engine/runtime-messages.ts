/** Messages the runtime puts into a conversation's lane itself: due timers and delivery failures. */
import type { InboundMessage } from '../domain/inbound.js';
import type { OutboxItem, PendingTimer, StoredConversation } from '../ports/conversation-pipeline.js';

/** When the earliest of a conversation's timers falls due, if it has any. */
export function earliestDue(conversation: StoredConversation | undefined): number | undefined {
  const timers: readonly PendingTimer[] = conversation?.timers ?? [];
  return timers.length === 0 ? undefined : Math.min(...timers.map((timer) => timer.dueAt));
}

/**
 * The message that delivers due timers through the conversation's own lane, so a delayed event is ordered with
 * the user's messages and handled by whichever process holds the turn. Its id makes a second firing a duplicate.
 */
export function timerMessage(conversation: StoredConversation, dueAt: number): InboundMessage | undefined {
  if (!conversation.contact) return undefined;
  return {
    wamid: `timer:${dueAt}`,
    user: conversation.contact.user,
    phoneNumberId: conversation.contact.phoneNumberId,
    timestamp: Math.floor(dueAt / 1000),
    content: { type: 'timer', dueAt },
  };
}

/** The message that delivers Meta's report of an undeliverable reply through the conversation's lane. */
export function deliveryFailedMessage(conversation: StoredConversation, failedWamid: string, code: number): InboundMessage | undefined {
  if (!conversation.contact) return undefined;
  return {
    wamid: `failed:${failedWamid}`,
    user: conversation.contact.user,
    phoneNumberId: conversation.contact.phoneNumberId,
    timestamp: Math.floor(Date.now() / 1000),
    content: { type: 'delivery-failed', code, failedWamid },
  };
}

/** The same report when the Graph API refused a send outright: the failed outbox item names the user. */
export function refusedSendMessage(item: OutboxItem, code: number): InboundMessage {
  const id = item.recipient.userId ?? item.recipient.to ?? '';
  return {
    wamid: `failed:${item.id}`,
    user: { id, ...(item.recipient.to === undefined ? {} : { phone: item.recipient.to }) },
    phoneNumberId: item.recipient.phoneNumberId,
    timestamp: Math.floor(Date.now() / 1000),
    content: { type: 'delivery-failed', code, failedWamid: item.id },
  };
}
