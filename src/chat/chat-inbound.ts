import type { InboundContent, InboundMessage, UserRef } from '../domain/inbound.js';
import { conversationKey } from '../domain/conversation-key.js';
import type { ChatChoice } from './format-message.js';

/** The business number every chat message is addressed to: fake, never a real `phone_number_id`. */
export const CHAT_PHONE_NUMBER_ID = '100000000000001';

/**
 * Builds the messages a WhatsApp user would send from the terminal, as the webhook parser would deliver
 * them: unique wamids, one fake business number, a fake Senegalese phone number per user. `/reset` moves to
 * the next user, whose conversation starts fresh.
 *
 * @example
 * const inbound = new ChatInbound();
 * await pipeline.accept([inbound.text('bonjour')]);
 */
export class ChatInbound {
  private sent = 0;
  private userNumber = 1;

  constructor(private readonly clock: { now(): number } = Date) {}

  /** The current user: `from` is a phone number, so it is also the user's id. */
  get user(): UserRef {
    const phone = `2217700${String(this.userNumber).padStart(5, '0')}`;
    return { id: phone, phone };
  }

  /** The conversation key of the current user, as the store and the worker know it. */
  get key(): string {
    return conversationKey({ phoneNumberId: CHAT_PHONE_NUMBER_ID, user: this.user });
  }

  /** Switches to a new user, hence a new conversation. */
  nextUser(): UserRef {
    this.userNumber += 1;
    return this.user;
  }

  /** A typed text message. */
  text(body: string): InboundMessage {
    return this.message({ type: 'text', body });
  }

  /** A tap on a reply button or a list row; `replyTo` is the wamid of the message that offered it. */
  choice(choice: ChatChoice, replyTo?: string): InboundMessage {
    const { id, title, source } = choice;
    return this.message({ type: 'choice', id, title, source }, replyTo);
  }

  private message(content: InboundContent, replyTo?: string): InboundMessage {
    return {
      wamid: `wamid.chat-in-${++this.sent}`,
      user: this.user,
      phoneNumberId: CHAT_PHONE_NUMBER_ID,
      timestamp: Math.floor(this.clock.now() / 1000),
      ...(replyTo === undefined ? {} : { replyTo }),
      content,
    };
  }
}
