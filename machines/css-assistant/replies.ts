/**
 * What the CSS assistant's messages look like: texts with buttons, the menu and topic lists, built from
 * `texts.fr.ts`. The machine decides when each is sent.
 */

import type { ReplyEvent } from '../../src/domain/conversation.js';
import type { OutboundMessage } from '../../src/domain/outbound.js';
import { type CategoryText, type TopicText, categories, texts } from './texts.fr.js';

/** A button's id, which is also the command it stands for. */
export type ButtonId = keyof typeof texts.buttons;

/** The three buttons offered after a welcome or an answer. */
export const ALL_BUTTONS: readonly ButtonId[] = ['menu', 'aide', 'contact'];

/** The event that sends `message`. */
export const reply = (message: OutboundMessage): ReplyEvent => ({ type: 'reply', message });

/** A text of the assistant. */
export const textReply = (text: string): ReplyEvent => reply({ type: 'text', text });

/** A body with reply buttons, titled from `texts.buttons`. */
export const withButtons = (body: string, ids: readonly ButtonId[]): ReplyEvent =>
  reply({ type: 'buttons', body, buttons: ids.map((id) => ({ id, title: texts.buttons[id] })) });

const rows = (items: readonly (CategoryText | TopicText)[]) =>
  items.map(({ id, title, description }) => ({ id, title, description }));

/** A menu category by its id (a list row's reply id). */
export const categoryById = (id: string): CategoryText | undefined => categories.find((c) => c.id === id);

/** A frequent question by its id (a list row's reply id). */
export const topicById = (id: string): TopicText | undefined =>
  categories.flatMap((c) => c.topics).find((t) => t.id === id);

/** The list of the four categories. */
export const menuList = (): ReplyEvent =>
  reply({
    type: 'list',
    body: texts.menu.body,
    button: texts.menu.button,
    sections: [{ title: texts.menu.sectionTitle, rows: rows(categories) }],
  });

/** The list of one category's frequent questions. */
export const topicList = (category: CategoryText): ReplyEvent =>
  reply({
    type: 'list',
    body: category.intro,
    button: texts.category.button,
    sections: [{ title: category.title, rows: rows(category.topics) }],
  });
