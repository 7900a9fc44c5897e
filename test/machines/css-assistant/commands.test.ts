import { describe, expect, it } from '@jest/globals';
import { isGreeting, menuIndex, normalizeCommand } from '../../../machines/css-assistant/commands.js';

describe('normalizeCommand', () => {
  it.each([
    ['aide', 'aide'],
    ['/Aide', 'aide'],
    ['AIDE', 'aide'],
    ['Aidé', 'aide'],
    ['help', 'aide'],
    ['/HELP', 'aide'],
    ['aide ?', 'aide'],
    ['menu', 'menu'],
    ['MENU', 'menu'],
    [' Menu ', 'menu'],
    ['/menu', 'menu'],
    ['/ Ménu', 'menu'],
    ['Menu.', 'menu'],
    ['contact', 'contact'],
    ['/Contact', 'contact'],
    ['CONTACTS', 'contact'],
  ])('%j → %s', (text, command) => {
    expect(normalizeCommand(text)).toBe(command);
  });

  it.each([
    'aide-moi à calculer ma pension',
    'aide moi',
    'le menu',
    'menu des prestations',
    'contact de mon agence ?',
    'helper',
    '//aide',
    'menus',
    '',
    '   ',
  ])('%j is not a command', (text) => {
    expect(normalizeCommand(text)).toBeUndefined();
  });
});

describe('isGreeting', () => {
  it.each([
    'bonjour',
    'Bonjour !',
    'BONJOUR',
    'bonjour 👋',
    'Bonsoir',
    'salut',
    'Salut !!',
    'hello',
    'Hi',
    'hey',
    'coucou',
    'bjr',
    'slt',
    'salam',
    'Salamalekoum',
    'salam aleykoum',
    'Salam alaykoum',
    'Assalamou alaykoum',
    'as-salamu alaykum',
    'salamalaikum',
    'Bonjour madame',
    'bonjour à tous',
    'Bonjour la CSS',
    'Nanga def ?',
  ])('%j is a greeting', (text) => {
    expect(isGreeting(text)).toBe(true);
  });

  it.each([
    'bonjour, comment calculer ma pension ?',
    'Bonjour je voudrais mes allocations',
    'salut ça va, quels sont les taux',
    'aide',
    'merci',
    'CSS',
    '👋',
    '',
  ])('%j is not a greeting', (text) => {
    expect(isGreeting(text)).toBe(false);
  });
});

describe('menuIndex', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    [' 3 ', 3],
    ['4', 4],
    ['1.', 1],
    ['2)', 2],
  ])('%j → %i', (text, index) => {
    expect(menuIndex(text)).toBe(index);
  });

  it.each(['0', '5', '12', '1 2', 'un', '', 'a1'])('%j is not a menu index', (text) => {
    expect(menuIndex(text)).toBeUndefined();
  });
});
