import { describe, expect, it } from '@jest/globals';
import { maskPrivate } from '../../src/inspection/mask-private.js';

describe('maskPrivate', () => {
  it('masks texts and keeps the structure a designer follows', () => {
    const event = {
      type: '@xstate.snapshot',
      name: 'conv:0a1b2c3d4e5f',
      event: { type: 'user.choice', id: 'cotisations', title: 'Cotisations', profileName: 'Awa Diop' },
      snapshot: { value: { active: 'menu' }, context: { lastQuestion: 'Mon numéro est 221771234567', messageCount: 3 } },
      definition: '{"id":"css-assistant"}',
    };
    expect(maskPrivate(event)).toEqual({
      type: '@xstate.snapshot',
      name: 'conv:0a1b2c3d4e5f',
      event: { type: 'user.choice', id: 'cotisations', title: '‹11 chars›', profileName: '‹8 chars›' },
      snapshot: { value: { active: 'menu' }, context: { lastQuestion: '‹27 chars›', messageCount: 3 } },
      definition: '{"id":"css-assistant"}',
    });
  });

  it('survives circular references and live actor internals', () => {
    const actor: Record<string, unknown> = { id: 'askQuestion', _parent: null, input: { question: 'secret' } };
    actor.self = actor;
    expect(maskPrivate({ children: { askQuestion: actor } })).toEqual({
      children: { askQuestion: { id: 'askQuestion', input: { question: '‹6 chars›' }, self: '[cut]' } },
    });
  });
});
