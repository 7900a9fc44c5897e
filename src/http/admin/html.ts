/**
 * Server-rendered HTML with escaping by default: every value interpolated into `html` is escaped unless it
 * is itself `SafeHtml` (built by `html`), so a machine description or a state name can never become markup.
 */

/** Markup that is safe to insert as is, because `html` built it. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What `html` accepts between its parts; `undefined` and `false` render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an element's content or a quoted attribute value.
 *
 * @example
 * escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A tagged template that escapes what it interpolates; arrays are joined.
 *
 * @example
 * html`<li>${state}</li>` // state "<script>" renders as text
 */
export function html(parts: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(parts.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]) : ''), ''));
}
