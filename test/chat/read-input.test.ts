import { describe, expect, it } from '@jest/globals';
import type { ChatChoice } from '../../src/chat/format-message.js';
import { readInput } from '../../src/chat/read-input.js';

const choices: ChatChoice[] = [
  { id: 'cotisations', title: 'Cotisations', source: 'list_reply' },
  { id: 'procedures', title: 'Démarches', source: 'list_reply' },
];

describe('readInput', () => {
  it('sends a typed line as text, digits included, as a phone does', () => {
    expect(readInput(' 2 ', choices)).toEqual({ type: 'text', body: '2' });
    expect(readInput('Démarches', choices)).toEqual({ type: 'text', body: 'Démarches' });
    expect(readInput(' /aide ', choices)).toEqual({ type: 'text', body: '/aide' });
  });

  it('taps a choice of the last interactive message by number, id or title', () => {
    expect(readInput('/tap 2', choices)).toEqual({ type: 'choice', choice: choices[1] });
    expect(readInput('/tap cotisations', choices)).toEqual({ type: 'choice', choice: choices[0] });
    expect(readInput('/TAP  demarches ', choices)).toEqual({ type: 'choice', choice: choices[1] });
  });

  it('says why a tap cannot be played instead of sending it', () => {
    expect(readInput('/tap 3', choices)).toEqual({
      type: 'error',
      message: 'no choice "3" here: 1) Cotisations [cotisations], 2) Démarches [procedures]',
    });
    expect(readInput('/tap 1', [])).toEqual({ type: 'error', message: 'nothing to tap: the last message has no buttons and no list' });
    expect(readInput('/tap', choices)).toEqual({ type: 'error', message: 'usage: /tap <number>, /tap <id> or /tap <title> of a choice shown' });
  });

  it('reads the chat commands and blank lines', () => {
    expect(readInput('/STATE', choices)).toEqual({ type: 'command', command: 'state' });
    expect(readInput('/reset', choices)).toEqual({ type: 'command', command: 'reset' });
    expect(readInput('/quit', choices)).toEqual({ type: 'command', command: 'quit' });
    expect(readInput('   ', choices)).toEqual({ type: 'empty' });
  });
});
