import type { OutboundMessage } from '../domain/outbound.js';

/** One pickable choice of an interactive message, with the reply WhatsApp would send when it is tapped. */
export interface ChatChoice {
  readonly id: string;
  readonly title: string;
  readonly source: 'button_reply' | 'list_reply';
}

/** A bot message as the terminal shows it: the lines to print and, for interactive messages, its choices. */
export interface FormattedMessage {
  readonly text: string;
  /** Empty for a text message; numbered from 1 in the order printed. */
  readonly choices: readonly ChatChoice[];
}

const numbered = (index: number, title: string, description?: string): string =>
  `  ${index}) ${title}${description ? ` — ${description}` : ''}`;

/**
 * Renders an outbound message for the terminal: a text as it is; buttons and list rows as numbered choices
 * (`  1) Menu`), with the header, footer, the list's button label (`[Voir les thèmes]`) and section titles.
 *
 * @example
 * formatMessage({ type: 'buttons', body: 'Bienvenue', buttons: [{ id: 'menu', title: 'Menu' }] }).text
 * // 'Bienvenue\n  1) Menu'
 */
export function formatMessage(message: OutboundMessage): FormattedMessage {
  if (message.type === 'text') return { text: message.text, choices: [] };
  const lines: string[] = [];
  if (message.header) lines.push(message.header);
  lines.push(message.body);
  if (message.footer) lines.push(message.footer);
  const choices: ChatChoice[] = [];
  if (message.type === 'buttons') {
    for (const { id, title } of message.buttons) {
      choices.push({ id, title, source: 'button_reply' });
      lines.push(numbered(choices.length, title));
    }
    return { text: lines.join('\n'), choices };
  }
  lines.push(`[${message.button}]`);
  for (const section of message.sections) {
    if (section.title) lines.push(`  ${section.title}:`);
    for (const { id, title, description } of section.rows) {
      choices.push({ id, title, source: 'list_reply' });
      lines.push(numbered(choices.length, title, description));
    }
  }
  return { text: lines.join('\n'), choices };
}
