import { describe, expect, it } from '@jest/globals';
import type { ChatChoice } from '../../src/chat/format-message.js';
import { readInput } from '../../src/chat/read-input.js';

const choices: ChatChoice[] = [
  { id: 'cotisations', title: 'Cotisations', source: 'list_reply' },
  { id: 'procedures', title: 'Démarches', source: 'list_reply' },
];

describe('readInput', () => {
  it('picks a choice of the last interactive message by number', () => {
    expect(readInput(' 2 ', choices)).toEqual({ type: 'choice', choice: choices[1] });
    expect(readInput('1)', choices)).toEqual({ type: 'choice', choice: choices[0] });
  });

  it('picks a choice by title, ignoring case, accents and spaces', () => {
    expect(readInput('  DEMARCHES ', choices)).toEqual({ type: 'choice', choice: choices[1] });
  });

  it('sends anything else as a trimmed text, numbers out of range and slash words included', () => {
    expect(readInput('3', choices)).toEqual({ type: 'text', body: '3' });
    expect(readInput('1', [])).toEqual({ type: 'text', body: '1' });
    expect(readInput(' /aide ', choices)).toEqual({ type: 'text', body: '/aide' });
    expect(readInput('Démarches à faire ?', choices)).toEqual({ type: 'text', body: 'Démarches à faire ?' });
  });

  it('reads the chat commands and blank lines', () => {
    expect(readInput('/STATE', choices)).toEqual({ type: 'command', command: 'state' });
    expect(readInput('/reset', choices)).toEqual({ type: 'command', command: 'reset' });
    expect(readInput('/quit', choices)).toEqual({ type: 'command', command: 'quit' });
    expect(readInput('   ', choices)).toEqual({ type: 'empty' });
  });
});
