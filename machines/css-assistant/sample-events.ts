import type { UserEvent } from '../../src/domain/conversation.js';
import { categories, texts } from './texts.fr.js';

const at = 1_764_000_000_000;
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at });
const choice = (id: string, title: string): UserEvent => ({ type: 'user.choice', id, title, at });

/**
 * Everything a user can send the CSS assistant, for the designers' tools: a greeting, a question, each
 * command, the menu digits, a tap on every button, category and topic id the texts offer, and media.
 */
export const sampleEvents: readonly UserEvent[] = [
  text('bonjour'),
  text('Quel est le taux de cotisation ?'),
  text('aide'),
  text('menu'),
  text('contact'),
  ...['1', '2', '3', '4'].map(text),
  ...Object.entries(texts.buttons).map(([id, title]) => choice(id, title)),
  ...categories.map((category) => choice(category.id, category.title)),
  ...categories.flatMap((category) => category.topics.map((topic) => choice(topic.id, topic.title))),
  { type: 'user.media', media: 'image', at },
  { type: 'user.other', kind: 'location', at },
];
