/**
 * The pension-status form's texts in one locale, read from its messages (`locales/<locale>.ftl`): the same shape for
 * every locale. A designer edits the `.ftl` files, not this one; this file only says which message each text is.
 */

import type { Locale, Messages } from '../../src/domain/locale.js';
import { truncateText } from '../../src/domain/safe-text.js';

/**
 * The day of an ISO date as users write it in Senegal (dd/mm/yyyy); `undefined` for anything that is not an ISO date.
 *
 * @example
 * formatDate('2025-03-12T09:30:00Z') // '12/03/2025'
 */
export function formatDate(iso: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : undefined;
}

/** The value of `$name`: the user's display name kept short, or `anonymous` (the messages then greet without it). */
const nameArg = (name: string | undefined): string => (name?.trim() ? truncateText(name.trim(), 40) : 'anonymous');

/**
 * The texts of the form in `locale`.
 *
 * @example
 * pensionTextsIn(messages, 'en').buttons.aide // 'Help'
 */
export function pensionTextsIn(messages: Messages, locale: Locale) {
  const t = (id: string, args?: Readonly<Record<string, string | number>>): string => messages.format(locale, id, args);
  return {
    welcome: (name?: string): string => t('welcome', { name: nameArg(name) }),
    askNumber: t('ask-number'),
    invalidNumber: t('invalid-number'),
    tooManyAttempts: t('too-many-attempts'),
    confirm: (number: string): string => t('confirm', { number }),
    status: (number: string, status: string | undefined, updatedAt: string | undefined): string =>
      t('status', { number, state: status?.trim() ? status.trim().slice(0, 300) : t('status-unknown'), date: formatDate(updatedAt) ?? 'none' }),
    notFound: (number: string): string => t('not-found', { number }),
    unavailable: (number: string): string => t('unavailable', { number }),
    timedOut: (number: string): string => t('timed-out', { number }),
    cancelled: t('cancelled'),
    help: t('help'),
    textOnly: t('text-only'),
    buttons: {
      confirmer: t('button-confirmer'),
      corriger: t('button-corriger'),
      nouveau: t('button-nouveau'),
      reessayer: t('button-reessayer'),
      aide: t('button-aide'),
    },
  };
}

/** The texts of one locale; see {@link pensionTextsIn}. */
export type PensionTexts = ReturnType<typeof pensionTextsIn>;
