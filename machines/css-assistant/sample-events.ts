import type { UserEvent } from '../../src/domain/conversation.js';
import { type CssAssistantContent, localizer } from './content.js';

const at = 1_764_000_000_000;
const text = (value: string): UserEvent => ({ type: 'user.text', text: value, at });
const choice = (id: string, title: string): UserEvent => ({ type: 'user.choice', id, title, at });

/**
 * What a user can send the CSS assistant, for the designers' tools (the check explores every state with each of
 * these, so one event per way of being read is enough), derived from the content so that a new category or topic
 * is explored by itself: a greeting (in each language), a question, the language command, each command, small talk, `0`, `1` and a number past the longest
 * list, a tap on every button and category and on the first topic of each category (every topic takes the same
 * transitions), the back row, a photo, a PDF and a voice note.
 */
export function sampleEventsOf(content: CssAssistantContent): UserEvent[] {
  const { texts, categories } = localizer(content)('fr');
  const longest = Math.max(categories.length, ...categories.map((category) => category.topics.length));
  const firstTopics = categories.flatMap((category) => category.topics.slice(0, 1));
  return [
    text('bonjour'),
    // A greeting in Wolof and one in English: a new session guesses its language from them.
    text('nanga def'),
    text('hello'),
    text('Quel est le taux de cotisation ?'),
    ...['aide svp', 'menu', 'je veux parler à un conseiller', 'pension', 'réessayer', 'retour', 'langue', 'english'].map(text),
    ...['merci', '?'].map(text),
    ...[0, 1, longest + 1].map((n) => text(String(n))),
    ...Object.entries(texts.buttons).map(([id, title]) => choice(id, title)),
    choice('retour', texts.menu.back.title),
    ...categories.map((category) => choice(category.id, category.title)),
    ...firstTopics.map((topic) => choice(topic.id, topic.title)),
    // A photo with its question, a PDF without one, and a voice note the assistant cannot read.
    { type: 'user.media', media: 'image', mediaId: 'sample-photo', mimeType: 'image/jpeg', caption: 'Ce reçu de paiement est-il valable ?', at },
    { type: 'user.media', media: 'document', mediaId: 'sample-pdf', mimeType: 'application/pdf', filename: 'attestation.pdf', at },
    { type: 'user.media', media: 'audio', mediaId: 'sample-voice', mimeType: 'audio/ogg; codecs=opus', at },
    { type: 'user.other', kind: 'location', at },
  ];
}
