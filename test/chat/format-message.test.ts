import { describe, expect, it } from '@jest/globals';
import { formatMessage } from '../../src/chat/format-message.js';

describe('formatMessage', () => {
  it('prints a text as it is, with no choices', () => {
    expect(formatMessage({ type: 'text', text: 'Bonjour *Awa*' })).toEqual({ text: 'Bonjour *Awa*', choices: [] });
  });

  it('numbers the buttons, after header, body and footer', () => {
    const { text, choices } = formatMessage({
      type: 'buttons',
      header: 'CSS',
      body: 'Que voulez-vous faire ?',
      footer: 'Répondez 1 ou 2',
      buttons: [
        { id: 'menu', title: 'Menu' },
        { id: 'aide', title: 'Aide' },
      ],
    });
    expect(text).toBe('CSS\nQue voulez-vous faire ?\nRépondez 1 ou 2\n  1) Menu\n  2) Aide');
    expect(choices).toEqual([
      { id: 'menu', title: 'Menu', source: 'button_reply' },
      { id: 'aide', title: 'Aide', source: 'button_reply' },
    ]);
  });

  it('shows the list button and section titles, numbering rows across sections', () => {
    const { text, choices } = formatMessage({
      type: 'list',
      body: 'Choisissez',
      button: 'Voir',
      sections: [
        { title: 'A', rows: [{ id: 'a1', title: 'Un', description: 'le premier' }] },
        { rows: [{ id: 'b1', title: 'Deux' }] },
      ],
    });
    expect(text).toBe('Choisissez\n[Voir]\n  A:\n  1) Un — le premier\n  2) Deux');
    expect(choices.map((choice) => [choice.id, choice.source])).toEqual([['a1', 'list_reply'], ['b1', 'list_reply']]);
  });
});
