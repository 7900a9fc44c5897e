/**
 * Lists a citizen can use on any phone: a list message whose body also spells out its rows with their
 * numbers (list messages may not show on old phones, so every row can be typed), and a row to go back.
 */

import type { ReplyEvent } from '../../src/domain/conversation.js';
import type { ListRow } from '../../src/domain/outbound.js';
import { reply } from './replies.js';

/** One entry of a list: a list row, whose position (from 1) is the number a user types. */
export interface ListEntry {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** What a numbered list says. */
export interface NumberedList {
  /** The first lines of the body, before the numbered rows. */
  readonly intro: string;
  readonly entries: readonly ListEntry[];
  /** The row to go back one level; typed as `0`. */
  readonly back: ListEntry;
  /** The line after the numbered rows: how to choose ("Tapez le numéro…"). */
  readonly howTo: string;
  /** Label of the button that opens the list (≤ 20 characters). */
  readonly button: string;
  readonly sectionTitle: string;
}

const rowOf = ({ id, title, description }: ListEntry): ListRow => ({ id, title, ...(description ? { description } : {}) });

/**
 * A list message of `entries` then the back row, its body listing `1. …`, `2. …` and `0. …`.
 *
 * @example
 * numberedList({ intro: 'Choisissez un thème :', entries, back, howTo: 'Tapez le numéro.', button: 'Voir', sectionTitle: 'Thèmes' })
 */
export function numberedList(list: NumberedList): ReplyEvent {
  const lines = [...list.entries.map((entry, index) => `${index + 1}. ${entry.title}`), `0. ${list.back.title}`];
  return reply({
    type: 'list',
    body: `${list.intro}\n\n${lines.join('\n')}\n\n${list.howTo}`,
    button: list.button,
    sections: [{ title: list.sectionTitle, rows: [...list.entries.map(rowOf), rowOf(list.back)] }],
  });
}

/**
 * The number a message is, when it is only a number (`3`, ` 3 `, `3.`, `3)`), else `undefined`. `0` means back.
 *
 * @example
 * typedNumber(' 2. ') // 2
 * typedNumber('2 enfants') // undefined
 */
export function typedNumber(text: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
