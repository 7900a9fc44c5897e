/**
 * An answer and its buttons in as few messages as WhatsApp allows (each message is billed): one interactive
 * message when the answer fits its body, else numbered text parts whose last one carries the buttons.
 */

import type { ReplyEvent } from '../../src/domain/conversation.js';
import type { ReplyButton } from '../../src/domain/outbound.js';
import { splitAnswer } from '../../src/domain/split-text.js';
import { WHATSAPP_LIMITS } from '../../src/domain/whatsapp-limits.js';
import { say, withButtons } from './replies.js';

/**
 * The messages that deliver `answer` with `buttons` (and a footer under the last one): one message up to
 * 1,024 characters; past that, parts of at most 4,000 characters numbered `(1/n)`, `(Suite i/n)`, the last
 * one short enough to carry the buttons.
 *
 * @example
 * answerReplies('Le taux est de 7 %.', buttons) // [one buttons message]
 * answerReplies(longAnswer, buttons)          // [text '(1/2)…', buttons '(Suite 2/2)…']
 */
export function answerReplies(answer: string, buttons: readonly ReplyButton[], footer?: string): ReplyEvent[] {
  const text = answer.trim();
  if (text.length <= WHATSAPP_LIMITS.interactiveBody) return [withButtons(text, buttons, footer)];
  const parts = splitAnswer(text, WHATSAPP_LIMITS.answerPart, WHATSAPP_LIMITS.interactiveBody);
  return parts.map((part, index) => (index === parts.length - 1 ? withButtons(part, buttons, footer) : say(part)));
}
