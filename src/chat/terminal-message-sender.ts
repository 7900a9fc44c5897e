import type { OutboundMessage, Recipient } from '../domain/outbound.js';
import { assertWithinLimits } from '../domain/validate-outbound.js';
import type { MessageSender } from '../ports/message-sender.js';
import { formatMessage, type ChatChoice } from './format-message.js';

/**
 * The `MessageSender` of `npm run chat`: prints each message the bot sends, buttons and list rows as numbered
 * choices, and remembers the choices of the last interactive message so the user can pick one by number or
 * title. It checks the Cloud API limits like the real sender: a message WhatsApp would refuse is reported,
 * not shown, so the designer sees in the terminal what a user would (not) get.
 *
 * @example
 * const sender = new TerminalMessageSender({ write: (text) => process.stdout.write(text) });
 * await sender.send(recipient, { type: 'text', text: 'Bonjour' }); // prints "Bonjour"
 */
export class TerminalMessageSender implements MessageSender {
  private sent = 0;
  private choices: readonly ChatChoice[] = [];
  private interactiveWamid: string | undefined;

  constructor(private readonly deps: { readonly write: (text: string) => void }) {}

  /** The numbered choices of the last interactive message (buttons or list), empty before any. */
  get lastChoices(): readonly ChatChoice[] {
    return this.choices;
  }

  /** The wamid given to the last interactive message: a tap on one of its choices answers it (`context.id`). */
  get lastInteractiveWamid(): string | undefined {
    return this.interactiveWamid;
  }

  async send(_recipient: Recipient, message: OutboundMessage): Promise<{ readonly wamid?: string }> {
    try {
      assertWithinLimits(message);
    } catch (error) {
      this.deps.write(`⚠️  not delivered, WhatsApp would refuse it: ${error instanceof Error ? error.message : String(error)} (npm run check names the text)\n\n`);
      throw error;
    }
    const wamid = `wamid.chat-out-${++this.sent}`;
    const { text, choices } = formatMessage(message);
    if (message.type !== 'text') {
      this.choices = choices;
      this.interactiveWamid = wamid;
    }
    this.deps.write(`${text}\n\n`);
    return { wamid };
  }

  /** Forgets the last choices, for a conversation that starts over. */
  forgetChoices(): void {
    this.choices = [];
    this.interactiveWamid = undefined;
  }
}
