import { describe, expect, it } from '@jest/globals';
import { formatDate, normalizeCommand, normalizeRegistrationNumber } from '../../../machines/pension-status/index.js';

describe('pension-status: normalizeCommand', () => {
  it.each([
    ['aide', 'aide'],
    ['/Aide', 'aide'],
    [' AIDÉ ', 'aide'],
    ['help', 'aide'],
    ['/HELP', 'aide'],
    ['aide ?', 'aide'],
    ['annuler', 'annuler'],
    ['/Annuler', 'annuler'],
    ['ANNULER !', 'annuler'],
    ['recommencer', 'annuler'],
    ['nouveau', 'nouveau'],
    ['Nouveau  numéro', 'nouveau'],
    ['confirmer', 'confirmer'],
    ['Oui', 'confirmer'],
    ['ok.', 'confirmer'],
    ['corriger', 'corriger'],
    ['Non', 'corriger'],
    ['/modifier', 'corriger'],
  ])('%j → %s', (text, command) => {
    expect(normalizeCommand(text)).toBe(command);
  });

  it.each(['aide-moi', 'annuler ma demande', 'oui merci', '//aide', 'confirmé par la CSS', '', '  '])('%j is not a command', (text) => {
    expect(normalizeCommand(text)).toBeUndefined();
  });
});

describe('pension-status: normalizeRegistrationNumber', () => {
  it.each([
    ['1234567', '1234567'],
    ['1234567a', '1234567A'],
    [' 1234 567-A ', '1234567A'],
    ['12-345-678-90', '1234567890'],
    ['1234567890Z', '1234567890Z'],
    ['1 2 3 4 5 6 7 8', '12345678'],
    ['1234–5678', '12345678'],
  ])('%j → %s', (text, number) => {
    expect(normalizeRegistrationNumber(text)).toBe(number);
  });

  it.each(['123456', '12345678901', '1234567AB', 'A1234567', '12345.678', '1234567/A', 'ABCDEFGH', 'bonjour', '', '1234567 é'])(
    '%j is not a registration number',
    (text) => {
      expect(normalizeRegistrationNumber(text)).toBeUndefined();
    },
  );
});

describe('pension-status: formatDate', () => {
  it.each([
    ['2025-03-12', '12/03/2025'],
    ['2025-03-12T09:30:00Z', '12/03/2025'],
    ['12/03/2025', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (iso, date) => {
    expect(formatDate(iso)).toBe(date);
  });
});
