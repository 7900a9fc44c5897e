import type { UserEvent } from '../../src/domain/conversation.js';
import { REFERENCE_LOCALE } from '../../src/domain/locale.js';
import { messages } from './messages.js';
import { pensionTextsIn } from './texts.js';

const { buttons } = pensionTextsIn(messages, REFERENCE_LOCALE);

const at = 1_764_000_000_000;
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at });
const choice = (id: string, title: string): UserEvent => ({ type: 'user.choice', id, title, at });

/**
 * Everything a user can send the pension-status form, for the designers' tools: valid and invalid
 * registration numbers, a greeting, each command as typed, a tap on every button id the texts offer,
 * and media.
 */
export const sampleEvents: readonly UserEvent[] = [
  text('bonjour'),
  // A greeting in Wolof and one in English: a new session guesses its language from them.
  text('nanga def'),
  text('hello'),
  text('1234567A'),
  text('12 345 678-90'),
  text('123'),
  text('12345678901'),
  text('ABC1234567'),
  text('aide'),
  text('/Help'),
  text('annuler'),
  text('nouveau'),
  text('oui'),
  text('non'),
  ...Object.entries(buttons).map(([id, title]) => choice(id, title)),
  { type: 'user.media', media: 'image', at },
  { type: 'user.other', kind: 'location', at },
];
