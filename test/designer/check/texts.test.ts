import { describe, expect, it } from '@jest/globals';
import { emit, setup } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import { checkMachine } from '../../../src/designer/check/index.js';
import { definitionOf, say, text } from './broken-machines.js';

const texts = {
  hello: 'Bonjour',
  greeting: (name?: string) => `Bonjour${name ? ` ${name}` : ''} !`,
  menu: { body: '', button: 'Voir les thèmes' },
};
const machine = setup({
  types: { events: {} as UserEvent, emitted: {} as ReplyEvent },
  actions: { replyHello: emit(() => say(texts.hello)) },
}).createMachine({ id: 'content', initial: 'idle', on: { 'user.text': { target: '.idle', actions: 'replyHello' } }, states: { idle: {} } });
const definition = definitionOf(machine, [text('bonjour')]);

describe('checkMachine: texts missing from the content', () => {
  it('reports an empty text by its key path', () => {
    expect(checkMachine(definition, { texts })).toEqual([
      { machine: 'content', state: '(texts)', field: 'texts.menu.body', message: 'empty text: write the words to send' },
    ]);
  });

  it('reports leaves that are not texts, and functions that return none', () => {
    const broken = { buttons: ['Menu', 3], farewell: () => '', missing: undefined };
    expect(checkMachine(definition, { texts: broken }).map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'texts.buttons[1]: a number where a text is expected',
      'texts.farewell: returns an empty text instead of a text',
      'texts.missing: nothing where a text is expected',
    ]);
  });
});
