/**
 * The `MessageSender` used when `WHATSAPP_TOKEN` is unset: messages are logged, not sent, so a
 * bot can be tried end to end without a Meta account.
 */

import type { OutboundMessage, Recipient } from '../../domain/outbound.js';
import { assertWithinLimits } from '../../domain/validate-outbound.js';
import type { Logger } from '../../observability/logger.js';
import type { MessageSender } from '../../ports/message-sender.js';
import type { ReadReceipts } from '../../ports/read-receipts.js';

/** What a user would read first: the text, or an interactive message's body. */
function readableText(message: OutboundMessage): string {
  return message.type === 'text' ? message.text : message.body;
}

/**
 * Logs each message at `info` with `dryRun: true`, its sending number, its type and its text, and
 * resolves without a wamid. It checks the Cloud API limits like the real sender, so a dry run
 * catches the same broken messages. The user's phone number or id is not logged.
 *
 * @example
 * const sender = config.whatsappToken ? new GraphMessageSender({ http }) : new DryRunMessageSender({ logger });
 */
export class DryRunMessageSender implements MessageSender, ReadReceipts {
  constructor(private readonly deps: { readonly logger: Logger }) {}

  async send(recipient: Recipient, message: OutboundMessage): Promise<{ readonly wamid?: string }> {
    assertWithinLimits(message);
    this.deps.logger.info(
      { dryRun: true, phoneNumberId: recipient.phoneNumberId, messageType: message.type, text: readableText(message) },
      'dry run: outbound message logged, not sent (WHATSAPP_TOKEN unset)',
    );
    return {};
  }

  async markRead(phoneNumberId: string, _wamid: string, options: { readonly typing: boolean }): Promise<void> {
    this.deps.logger.debug({ dryRun: true, phoneNumberId, typing: options.typing }, 'dry run: read receipt not sent');
  }
}
