import { describe, expect, it } from '@jest/globals';
import { MessageLimitError } from '../../src/domain/errors.js';
import type { ListRow, OutboundMessage } from '../../src/domain/outbound.js';
import { assertWithinLimits, findLimitViolations } from '../../src/domain/validate-outbound.js';

const x = (n: number): string => 'x'.repeat(n);

const buttons: OutboundMessage = {
  type: 'buttons',
  body: 'Bienvenue au CSS',
  header: 'Sécurité sociale',
  footer: 'CSS',
  buttons: [
    { id: 'menu', title: 'Menu' },
    { id: 'aide', title: 'Aide' },
    { id: 'contact', title: 'Contact' },
  ],
};

const rows = (count: number, prefix = 'r'): ListRow[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Sujet ${i}` }));

const list = (overrides: Partial<Extract<OutboundMessage, { type: 'list' }>> = {}): OutboundMessage => ({
  type: 'list',
  body: 'Choisissez un sujet :',
  button: 'Voir les sujets',
  sections: [{ title: 'Cotisations', rows: rows(3) }],
  ...overrides,
});

/** The single violation expected, as `field limit actual`. */
function only(message: OutboundMessage): string {
  const found = findLimitViolations(message);
  expect(found).toHaveLength(1);
  return found.map((v) => `${v.field} ${v.limit} ${v.actual}`).join('');
}

describe('findLimitViolations', () => {
  it('accepts messages at every limit', () => {
    expect(findLimitViolations({ type: 'text', text: x(4096) })).toEqual([]);
    expect(findLimitViolations(buttons)).toEqual([]);
    const full = list({
      body: x(1024),
      button: x(20),
      header: x(60),
      footer: x(60),
      sections: [
        { title: x(24), rows: [{ id: x(200), title: x(24), description: x(72) }, ...rows(4, 'a')] },
        { title: 'Deux', rows: rows(5, 'b') },
      ],
    });
    expect(findLimitViolations(full)).toEqual([]);
  });

  it('checks text length and emptiness', () => {
    expect(findLimitViolations({ type: 'text', text: x(4097) })).toEqual([{ field: 'text', limit: 4096, actual: 4097, rule: 'max' }]);
    expect(only({ type: 'text', text: '' })).toBe('text 1 0');
    expect(only({ type: 'text', text: ' \n ' })).toBe('text 1 0');
  });

  it('checks button count, titles, ids, body, header and footer', () => {
    expect(only({ ...buttons, buttons: [] })).toBe('buttons 1 0');
    expect(only({ ...buttons, buttons: [...rows(4)] })).toBe('buttons 3 4');
    expect(only({ ...buttons, buttons: [{ id: 'a', title: 'Menu' }, { id: 'b', title: x(21) }] })).toBe('buttons[1].title 20 21');
    expect(only({ ...buttons, buttons: [{ id: x(257), title: 'Menu' }] })).toBe('buttons[0].id 256 257');
    expect(only({ ...buttons, buttons: [{ id: '', title: 'Menu' }] })).toBe('buttons[0].id 1 0');
    expect(only({ ...buttons, body: x(1025) })).toBe('body 1024 1025');
    expect(only({ ...buttons, body: '' })).toBe('body 1 0');
    expect(only({ ...buttons, header: x(61) })).toBe('header 60 61');
    expect(only({ ...buttons, footer: x(61) })).toBe('footer 60 61');
  });

  it('flags repeated button titles and ids, naming the repeat', () => {
    const twice = { ...buttons, buttons: [{ id: 'a', title: 'Menu' }, { id: 'b', title: 'Aide' }, { id: 'c', title: 'Menu' }] };
    expect(findLimitViolations(twice)).toEqual([{ field: 'buttons[2].title', limit: 1, actual: 2, rule: 'unique' }]);
    expect(only({ ...buttons, buttons: [{ id: 'a', title: 'Un' }, { id: 'a', title: 'Deux' }] })).toBe('buttons[1].id 1 2');
  });

  it('checks list label, sections and rows', () => {
    expect(only(list({ button: x(21) }))).toBe('button 20 21');
    expect(only(list({ body: x(1025) }))).toBe('body 1024 1025');
    expect(findLimitViolations(list({ sections: [] })).map((v) => v.field)).toEqual(['sections', 'sections[*].rows']);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) }));
    expect(findLimitViolations(list({ sections: eleven })).map((v) => v.field)).toEqual(['sections', 'sections[*].rows']);
    expect(only(list({ sections: [{ title: 'A', rows: [] }] }))).toBe('sections[*].rows 1 0');
    expect(only(list({ sections: [{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }] }))).toBe('sections[*].rows 10 11');
  });

  it('checks each row and section title, with field paths', () => {
    const row = (r: Partial<ListRow>): OutboundMessage => list({ sections: [{ title: 'A', rows: [...rows(3), { id: 'z', title: 'Z', ...r }] }] });
    expect(only(row({ description: x(73) }))).toBe('sections[0].rows[3].description 72 73');
    expect(only(row({ title: x(25) }))).toBe('sections[0].rows[3].title 24 25');
    expect(only(row({ id: x(201) }))).toBe('sections[0].rows[3].id 200 201');
    expect(only(list({ sections: [{ title: x(25), rows: rows(1) }] }))).toBe('sections[0].title 24 25');
  });

  it('requires section titles only when there are several sections', () => {
    expect(findLimitViolations(list({ sections: [{ rows: rows(2) }] }))).toEqual([]);
    expect(only(list({ sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] }))).toBe('sections[1].title 1 0');
  });

  it('flags a row id repeated across sections', () => {
    const message = list({ sections: [{ title: 'A', rows: rows(2) }, { title: 'B', rows: [{ id: 'r1', title: 'Encore' }] }] });
    expect(findLimitViolations(message)).toEqual([{ field: 'sections[1].rows[0].id', limit: 1, actual: 2, rule: 'unique' }]);
  });
});

describe('assertWithinLimits', () => {
  it('passes a valid message', () => {
    expect(() => assertWithinLimits(buttons)).not.toThrow();
  });

  it('throws MessageLimitError for the first violation, naming the state', () => {
    const bad = { ...buttons, body: x(1100), buttons: [{ id: 'm', title: x(23) }] };
    let caught: unknown;
    try {
      assertWithinLimits(bad, 'menu');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MessageLimitError);
    expect(caught).toMatchObject({ field: 'body', limit: 1024, actual: 1100, state: 'menu' });
    expect((caught as Error).message).toContain('state "menu"');
  });
});
