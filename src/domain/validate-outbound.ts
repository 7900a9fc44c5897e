/**
 * Checks an outbound message against the Cloud API limits before it leaves. Meta answers a broken
 * message with a vague `131008`/`100` long after the machine emitted it; checking here names the
 * field, and a dry run catches the same mistakes as a real send.
 */

import { MessageLimitError } from './errors.js';
import type { ListSection, OutboundMessage, ReplyButton } from './outbound.js';
import { WHATSAPP_LIMITS as L } from './whatsapp-limits.js';

/**
 * One broken limit. `rule` says how to read `limit` and `actual`: a maximum or minimum length or
 * count, or `unique` (`limit` 1, `actual` = how many times the value occurs).
 */
export interface LimitViolation {
  /** Path of the offending field, e.g. `buttons[1].title`, `sections[0].rows[3].description`. */
  readonly field: string;
  readonly limit: number;
  readonly actual: number;
  readonly rule: 'max' | 'min' | 'unique';
}

type Violations = LimitViolation[];

function max(out: Violations, field: string, limit: number, actual: number): void {
  if (actual > limit) out.push({ field, limit, actual, rule: 'max' });
}

function min(out: Violations, field: string, limit: number, actual: number): void {
  if (actual < limit) out.push({ field, limit, actual, rule: 'min' });
}

/** A required string: present, not blank, and at most `limit` long. */
function requiredText(out: Violations, field: string, value: string | undefined, limit: number): void {
  min(out, field, 1, value?.trim().length ?? 0);
  max(out, field, limit, value?.length ?? 0);
}

/** Flags every repeat of a value already seen earlier among `entries`. */
function unique(out: Violations, entries: ReadonlyArray<{ field: string; value: string }>): void {
  const values = entries.map((e) => e.value);
  entries.forEach(({ field, value }, index) => {
    if (values.indexOf(value) !== index) {
      out.push({ field, limit: 1, actual: values.filter((v) => v === value).length, rule: 'unique' });
    }
  });
}

function checkHeaderFooter(out: Violations, message: { header?: string; footer?: string }): void {
  if (message.header !== undefined) max(out, 'header', L.header, message.header.length);
  if (message.footer !== undefined) max(out, 'footer', L.footer, message.footer.length);
}

function checkButtons(out: Violations, buttons: readonly ReplyButton[]): void {
  min(out, 'buttons', 1, buttons.length);
  max(out, 'buttons', L.buttons, buttons.length);
  buttons.forEach((button, i) => {
    requiredText(out, `buttons[${i}].title`, button.title, L.buttonTitle);
    requiredText(out, `buttons[${i}].id`, button.id, L.buttonId);
  });
  unique(out, buttons.map((b, i) => ({ field: `buttons[${i}].title`, value: b.title })));
  unique(out, buttons.map((b, i) => ({ field: `buttons[${i}].id`, value: b.id })));
}

function checkSections(out: Violations, sections: readonly ListSection[]): void {
  min(out, 'sections', 1, sections.length);
  max(out, 'sections', L.listSections, sections.length);
  const rows = sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, path: `sections[${s}].rows[${r}]` })));
  min(out, 'sections[*].rows', 1, rows.length);
  max(out, 'sections[*].rows', L.listRows, rows.length);
  sections.forEach((section, s) => {
    if (sections.length > 1 || section.title !== undefined) {
      requiredText(out, `sections[${s}].title`, section.title, L.sectionTitle);
    }
  });
  for (const { row, path } of rows) {
    requiredText(out, `${path}.title`, row.title, L.rowTitle);
    requiredText(out, `${path}.id`, row.id, L.rowId);
    if (row.description !== undefined) max(out, `${path}.description`, L.rowDescription, row.description.length);
  }
  unique(out, rows.map(({ row, path }) => ({ field: `${path}.id`, value: row.id })));
}

/**
 * Every Cloud API limit `message` breaks, in field order; empty when it may be sent.
 * Lengths are JavaScript `length` (UTF-16 units): an emoji counts 2, never fewer than Meta counts.
 *
 * @example
 * findLimitViolations({ type: 'buttons', body: 'Choisissez', buttons: [{ id: 'm', title: 'Un titre bien trop long' }] });
 * // [{ field: 'buttons[0].title', limit: 20, actual: 23, rule: 'max' }]
 */
export function findLimitViolations(message: OutboundMessage): LimitViolation[] {
  const out: Violations = [];
  switch (message.type) {
    case 'text':
      requiredText(out, 'text', message.text, L.textBody);
      break;
    case 'buttons':
      requiredText(out, 'body', message.body, L.interactiveBody);
      checkHeaderFooter(out, message);
      checkButtons(out, message.buttons);
      break;
    case 'list':
      requiredText(out, 'body', message.body, L.interactiveBody);
      checkHeaderFooter(out, message);
      requiredText(out, 'button', message.button, L.listButton);
      checkSections(out, message.sections);
      break;
  }
  return out;
}

/**
 * Throws `MessageLimitError` for the first limit `message` breaks, naming the machine `state` that
 * emitted it when given. Senders call it before any I/O, so a bad message never reaches Meta.
 *
 * @example
 * assertWithinLimits(message, 'menu'); // throws: state "menu": buttons[1].title is 23 long, …
 */
export function assertWithinLimits(message: OutboundMessage, state?: string): void {
  const [first] = findLimitViolations(message);
  if (first) throw new MessageLimitError(first.field, first.limit, first.actual, state);
}
