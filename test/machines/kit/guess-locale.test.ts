import { describe, expect, it } from '@jest/globals';
import { guessLocale, localeAfterFirstMessage, rememberLocale, startingLocale } from '../../../machines/kit/index.js';

describe('guessLocale: the language of a first message', () => {
  it.each([
    ['Nanga def', 'wo'],
    ['nanga def ?', 'wo'],
    ['Jërëjëf', 'wo'],
    ['Mangi fi rekk', 'wo'],
    ['Dama bëgg xam naka lañuy fay cotisations yi', 'wo'],
    ['Hello', 'en'],
    ['Good morning', 'en'],
    ['How do I declare an employee?', 'en'],
    ['Bonjour', 'fr'],
    ['Quel est le taux de cotisation ?', 'fr'],
    ['Comment déclarer un accident du travail ?', 'fr'],
  ] as const)('%s → %s', (text, locale) => {
    expect(guessLocale(text)).toBe(locale);
  });

  it.each(['Salaam aleekum', 'Salam alaykoum', '123', '👍', '?', 'ok', ''])('%j tells nothing: the conversation stays in French', (text) => {
    expect(guessLocale(text)).toBeUndefined();
  });
});

describe('a conversation’s language', () => {
  const returning = (remembered: Record<string, unknown>) => ({ at: 0, returning: { lastSeenAt: 0, remembered } });

  it('starts in the runtime’s locale, else the remembered one; a remembered value that is no locale is ignored', () => {
    expect(startingLocale({ at: 0, locale: 'en' })).toBe('en');
    expect(startingLocale(returning({ locale: 'wo' }))).toBe('wo');
    expect(startingLocale(returning({ locale: 'de' }))).toBeUndefined();
    expect(startingLocale({ at: 0 })).toBeUndefined();
  });

  it('is guessed from the first message only when nothing set it', () => {
    expect(localeAfterFirstMessage({}, { type: 'user.text', text: 'Nanga def', at: 0 })).toBe('wo');
    expect(localeAfterFirstMessage({ locale: 'en' }, { type: 'user.text', text: 'Nanga def', at: 0 })).toBe('en');
    expect(localeAfterFirstMessage({}, { type: 'user.choice', id: 'menu', title: 'Menu', at: 0 })).toBeUndefined();
  });

  it('is what outlives the session, when known', () => {
    expect(rememberLocale({ locale: 'wo', registrationNumber: '1234567A' })).toEqual({ locale: 'wo' });
    expect(rememberLocale({})).toEqual({});
    expect(rememberLocale(undefined)).toEqual({});
  });
});
