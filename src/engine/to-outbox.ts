import type { LaneInput } from '../domain/lane-input.js';
import type { OutboundMessage, Recipient } from '../domain/outbound.js';
import { splitAnswer } from '../domain/split-text.js';
import { WHATSAPP_LIMITS } from '../domain/whatsapp-limits.js';
import type { OutboxItem } from '../ports/conversation-pipeline.js';

/** Per the contract: reply `to` the phone number when the message carried one, else to the business-scoped id. */
export function recipientOf(message: Pick<LaneInput, 'user' | 'phoneNumberId'>): Recipient {
  return message.user.phone !== undefined
    ? { phoneNumberId: message.phoneNumberId, to: message.user.phone }
    : { phoneNumberId: message.phoneNumberId, userId: message.user.bsuid ?? message.user.id };
}

/**
 * The replies of one turn as outbox items, in order. Long texts become several parts here, before they are
 * stored, so each part is sent (and retried) on its own and a crash never resends a whole answer.
 */
export function toOutbox(message: LaneInput, replies: readonly OutboundMessage[], state: string, machine?: string): OutboxItem[] {
  const recipient = recipientOf(message);
  const parts = replies.flatMap((reply): OutboundMessage[] =>
    reply.type === 'text' && reply.text.length > WHATSAPP_LIMITS.answerPart
      ? splitAnswer(reply.text, WHATSAPP_LIMITS.answerPart).map((text) => ({ type: 'text', text }))
      : [reply],
  );
  const trace = message.traceId === undefined ? {} : { traceId: message.traceId };
  const from = machine === undefined ? {} : { machine };
  return parts.map((part, index) => ({ id: `${message.wamid}:${index}`, recipient, message: part, state, ...from, ...trace }));
}
