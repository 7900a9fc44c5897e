/**
 * Turns our outbound message into the JSON body the Cloud API documents for
 * `POST /{phone_number_id}/messages` (reference §5). Pure, so the exact wire shape is tested
 * without a server, and the Graph stand-in can type what it receives.
 */

import type { ListSection, OutboundMessage, Recipient, ReplyButton } from '../../domain/outbound.js';
import { toWellFormed as wf } from '../../domain/safe-text.js';

/** Who receives it: a phone number as the webhook gave it, or Meta's business-scoped user id. */
export type CloudApiAddress = { readonly to: string; readonly recipient?: never } | { readonly recipient: string; readonly to?: never };

export interface CloudApiTextContent {
  readonly type: 'text';
  readonly text: { readonly body: string; readonly preview_url: false };
}

interface InteractiveCommon {
  readonly header?: { readonly type: 'text'; readonly text: string };
  readonly body: { readonly text: string };
  readonly footer?: { readonly text: string };
}

export interface CloudApiButtonInteractive extends InteractiveCommon {
  readonly type: 'button';
  readonly action: {
    readonly buttons: ReadonlyArray<{ readonly type: 'reply'; readonly reply: { readonly id: string; readonly title: string } }>;
  };
}

export interface CloudApiListInteractive extends InteractiveCommon {
  readonly type: 'list';
  readonly action: { readonly button: string; readonly sections: readonly ListSection[] };
}

export interface CloudApiInteractiveContent {
  readonly type: 'interactive';
  readonly interactive: CloudApiButtonInteractive | CloudApiListInteractive;
}

/** The whole body of one send, exactly as it goes on the wire. */
export type CloudApiSentBody = {
  readonly messaging_product: 'whatsapp';
  readonly recipient_type: 'individual';
} & CloudApiAddress &
  (CloudApiTextContent | CloudApiInteractiveContent);

/** Per the contract: `to` when the user's message carried a phone number, else `recipient`. */
function addressOf(recipient: Recipient): CloudApiAddress {
  if (recipient.to) return { to: recipient.to };
  if (recipient.userId) return { recipient: recipient.userId };
  throw new TypeError('A recipient needs a phone number (to) or a business-scoped user id (userId)');
}

function frame(message: { header?: string; body: string; footer?: string }): InteractiveCommon {
  return {
    ...(message.header ? { header: { type: 'text', text: wf(message.header) } } : {}),
    body: { text: wf(message.body) },
    ...(message.footer ? { footer: { text: wf(message.footer) } } : {}),
  };
}

function replyButtons(buttons: readonly ReplyButton[]): CloudApiButtonInteractive['action'] {
  return { buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title: wf(title) } })) };
}

/** Copies only documented keys, so nothing a caller added to a row reaches Meta. */
function listSections(sections: readonly ListSection[]): ListSection[] {
  return sections.map((section) => ({
    ...(section.title !== undefined ? { title: wf(section.title) } : {}),
    rows: section.rows.map(({ id, title, description }) => ({ id, title: wf(title), ...(description !== undefined ? { description: wf(description) } : {}) })),
  }));
}

function contentOf(message: OutboundMessage): CloudApiTextContent | CloudApiInteractiveContent {
  switch (message.type) {
    case 'text':
      return { type: 'text', text: { body: wf(message.text), preview_url: false } };
    case 'buttons':
      return { type: 'interactive', interactive: { type: 'button', ...frame(message), action: replyButtons(message.buttons) } };
    case 'list':
      return {
        type: 'interactive',
        interactive: { type: 'list', ...frame(message), action: { button: wf(message.button), sections: listSections(message.sections) } },
      };
  }
}

/**
 * The Cloud API body that sends `message` to `recipient`. Phone digits are sent as received
 * (the webhook's `from`, no `+`), which is how Meta expects a reply to an inbound message. A lone
 * surrogate in a text (half an emoji, cut by someone) goes out as U+FFFD, never as invalid UTF-16.
 *
 * @example
 * toCloudApiBody({ phoneNumberId: '1065', to: '221771234567' }, { type: 'text', text: 'Bonjour' });
 * // { messaging_product: 'whatsapp', recipient_type: 'individual', to: '221771234567',
 * //   type: 'text', text: { body: 'Bonjour', preview_url: false } }
 * @throws TypeError when the recipient has neither `to` nor `userId`.
 */
export function toCloudApiBody(recipient: Recipient, message: OutboundMessage): CloudApiSentBody {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...addressOf(recipient), ...contentOf(message) };
}
