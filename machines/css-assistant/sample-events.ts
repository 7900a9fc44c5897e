import type { UserEvent } from '../../src/domain/conversation.js';
import { categories, texts } from './texts.fr.js';

const at = 1_764_000_000_000;
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at });
const choice = (id: string, title: string): UserEvent => ({ type: 'user.choice', id, title, at });

/**
 * Everything a user can send the CSS assistant, for the designers' tools: a greeting, a question, each
 * command, the menu digits, a tap on every button, category and topic id the texts offer, a photo, a PDF and a
 * voice note.
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
  // A photo with its question, a PDF without one, and a voice note the assistant cannot read.
  { type: 'user.media', media: 'image', mediaId: 'sample-photo', mimeType: 'image/jpeg', caption: 'Ce reçu de paiement est-il valable ?', at },
  { type: 'user.media', media: 'document', mediaId: 'sample-pdf', mimeType: 'application/pdf', filename: 'attestation.pdf', at },
  { type: 'user.media', media: 'audio', mediaId: 'sample-voice', mimeType: 'audio/ogg; codecs=opus', at },
  { type: 'user.other', kind: 'location', at },
];
