import type { OutboundMessage, Recipient } from '../domain/outbound.js';

/**
 * Delivers one outbound message to one user (the Cloud API in production, a log in dry run).
 * Resolves once the message is accepted; rejects with a typed error otherwise.
 *
 * @example
 * await sender.send({ phoneNumberId: '1065…', to: '221771234567' }, { type: 'text', text: 'Bonjour' });
 */
export interface MessageSender {
  send(recipient: Recipient, message: OutboundMessage): Promise<{ readonly wamid?: string }>;
}
