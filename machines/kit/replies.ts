/**
 * The messages a machine sends, as `emit`-ready events: a text, a body with reply buttons, a numbered list.
 * Shared by every machine, so each machine's file says only which message goes when.
 */

import type { ReplyEvent } from '../../src/domain/conversation.js';
import type { OutboundMessage, ReplyButton } from '../../src/domain/outbound.js';

/** The event that sends `message`. */
export const reply = (message: OutboundMessage): ReplyEvent => ({ type: 'reply', message });

/** A plain text message. */
export const say = (text: string): ReplyEvent => reply({ type: 'text', text });

/**
 * A body with up to three reply buttons, and an optional footer (≤ 60 characters, shown small under the body).
 *
 * @example
 * withButtons('Que voulez-vous faire ?', [{ id: 'menu', title: 'Menu' }], 'Ou écrivez votre question.')
 */
export const withButtons = (body: string, buttons: readonly ReplyButton[], footer?: string): ReplyEvent =>
  reply({ type: 'buttons', body, buttons, ...(footer ? { footer } : {}) });

/**
 * Buttons titled from a machine's `texts.buttons`, in the order given: a button's id is the word it stands for.
 *
 * @example
 * buttonsFrom({ menu: 'Menu', aide: 'Aide' }, ['aide']) // [{ id: 'aide', title: 'Aide' }]
 */
export const buttonsFrom = <Id extends string>(titles: Readonly<Record<Id, string>>, ids: readonly Id[]): ReplyButton[] =>
  ids.map((id) => ({ id, title: titles[id] }));
