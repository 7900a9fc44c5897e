import { matchCommand } from '../../src/domain/match-command.js';
/**
 * Pure readers of what a user typed, used by the pension-status guards: the commands, and the
 * registration number. Kept apart from the machine so the matching rules are tested as plain tables.
 */

/** The words a user can type (or the button ids they can tap) that steer the form. */
export type Command = 'aide' | 'annuler' | 'nouveau' | 'confirmer' | 'corriger' | 'reessayer';

/**
 * Folded words → command, in French, English and Wolof (a command works whatever the conversation speaks). Button ids
 * are the command names, so a tap reads like a typed word.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  aide: 'aide',
  help: 'aide',
  ndimbal: 'aide',
  annuler: 'annuler',
  annulation: 'annuler',
  cancel: 'annuler',
  recommencer: 'annuler',
  nouveau: 'nouveau',
  'nouveau numero': 'nouveau',
  'autre numero': 'nouveau',
  'autre dossier': 'nouveau',
  confirmer: 'confirmer',
  confirme: 'confirmer',
  oui: 'confirmer',
  ok: 'confirmer',
  valider: 'confirmer',
  confirm: 'confirmer',
  yes: 'confirmer',
  waaw: 'confirmer',
  deggal: 'confirmer',
  corriger: 'corriger',
  modifier: 'corriger',
  non: 'corriger',
  correct: 'corriger',
  'correct it': 'corriger',
  no: 'corriger',
  deedeet: 'corriger',
  defar: 'corriger',
  'new number': 'nouveau',
  'beneen nimero': 'nouveau',
  reessayer: 'reessayer',
  ressayer: 'reessayer',
  'essayer encore': 'reessayer',
  retry: 'reessayer',
  'try again': 'reessayer',
  jeemaat: 'reessayer',
};

/**
 * The command a whole message stands for, if it is one: case-, accent- and slash-insensitive,
 * ignoring surrounding spaces and trailing punctuation. A command inside a sentence is not one.
 *
 * @example
 * normalizeCommand(' /Aidé ')  // 'aide'
 * normalizeCommand('Oui !')    // 'confirmer'
 * normalizeCommand('annuler ma demande') // undefined
 */
export function normalizeCommand(text: string): Command | undefined {
  return matchCommand(text, COMMANDS);
}

/** 7 to 10 digits, optionally followed by one letter, once spaces and dashes are gone. */
const REGISTRATION_NUMBER = /^\d{7,10}[A-Z]?$/;

/**
 * The registration number (numéro d'immatriculation) a message holds, normalized (no spaces or
 * dashes, upper case), or `undefined` when the message is not one.
 *
 * @example
 * normalizeRegistrationNumber(' 1234 567-a ') // '1234567A'
 * normalizeRegistrationNumber('123456')       // undefined (too short)
 */
export function normalizeRegistrationNumber(text: string): string | undefined {
  const compact = text.replace(/[\s\-‐‑–—]/gu, '').toUpperCase();
  return REGISTRATION_NUMBER.test(compact) ? compact : undefined;
}
