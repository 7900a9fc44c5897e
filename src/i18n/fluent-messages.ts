/**
 * Machine messages in Fluent (`.ftl` files, https://projectfluent.org): one bundle per locale, a message missing
 * in a locale said in the reference locale. Fluent keeps grammar in the translation (plural and select variants,
 * per locale) so machines pass values, never sentence pieces.
 */

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LOCALES, type Locale, type MessageArgs, type Messages, REFERENCE_LOCALE } from '../domain/locale.js';
import type { LocaleSources } from './locale-files.js';

/** A syntax error of one locale's file, as Fluent reports it. */
export interface MessageFileError {
  readonly locale: Locale;
  readonly message: string;
}

/** Messages read from Fluent sources, with what the check needs to see: the bundles and the errors met. */
export class FluentMessages implements Messages {
  readonly bundles: ReadonlyMap<Locale, FluentBundle>;
  readonly errors: readonly MessageFileError[];

  constructor(readonly sources: LocaleSources) {
    const bundles = new Map<Locale, FluentBundle>();
    const errors: MessageFileError[] = [];
    for (const locale of LOCALES) {
      const source = sources[locale];
      if (source === undefined) continue;
      // No bidi isolation marks around values: they would count in WhatsApp's limits and show on some phones.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      for (const error of bundle.addResource(new FluentResource(source))) errors.push({ locale, message: error.message });
      bundles.set(locale, bundle);
    }
    this.bundles = bundles;
    this.errors = errors;
  }

  /** Whether `locale` has its own message `id` (and attribute), not the reference's. */
  has(locale: Locale, id: string, attribute?: string): boolean {
    const message = this.bundles.get(locale)?.getMessage(id);
    if (message === undefined) return false;
    return attribute === undefined ? message.value !== null : message.attributes[attribute] !== undefined;
  }

  format(locale: Locale, id: string, args: MessageArgs = {}, attribute?: string): string {
    const owner = this.has(locale, id, attribute) ? locale : REFERENCE_LOCALE;
    const bundle = this.bundles.get(owner);
    const message = bundle?.getMessage(id);
    const pattern = attribute === undefined ? message?.value : message?.attributes[attribute];
    // Missing everywhere: the check reports it; the user sees the id rather than a crash.
    if (bundle === undefined || pattern === undefined || pattern === null) return `[${id}${attribute ? `.${attribute}` : ''}]`;
    const errors: Error[] = [];
    return bundle.formatPattern(pattern, args as Record<string, FluentVariable>, errors);
  }
}
