import { describe, expect, it } from '@jest/globals';
import { texts } from '../../../machines/pension-status/index.js';
import { choice, text } from '../run-machine.js';
import { FILES, bodyOf, buttonIds, play } from './fake-lookup.js';

describe('pension-status: the happy path', () => {
  it('welcome → number → confirm → status with its date → another file', async () => {
    const asked: string[] = [];
    const steps = await play(
      [text('Bonjour', 1000), text(' 1234 567-a ', 2000), choice('confirmer', 3000), choice('nouveau', 4000)],
      { lookup: (n) => (asked.push(n), { found: true, status: 'En cours d’instruction', updatedAt: '2025-03-12T09:30:00Z' }) },
    );
    const [welcome, number, confirmed, again] = steps;

    expect(welcome!.replies.map(bodyOf)).toEqual([expect.stringContaining('Bienvenue'), texts.askNumber]);
    expect(bodyOf(welcome!.replies[0])).toContain('numéro d’immatriculation');
    expect(buttonIds(welcome!.replies[1])).toEqual(['aide']);
    expect(welcome!.value).toBe('askingNumber');

    expect(number!.replies).toEqual([{ type: 'buttons', body: texts.confirm('1234567A'), buttons: expect.any(Array) }]);
    expect(bodyOf(number!.replies[0])).toContain('*1234567A*');
    expect(buttonIds(number!.replies[0])).toEqual(['confirmer', 'corriger']);
    expect(number!.value).toBe('confirming');
    expect(number!.context).toMatchObject({ registrationNumber: '1234567A', attempts: 0 });

    expect(asked).toEqual(['1234567A']);
    expect(confirmed!.replies).toHaveLength(1);
    expect(bodyOf(confirmed!.replies[0])).toContain('En cours d’instruction');
    expect(bodyOf(confirmed!.replies[0])).toContain('12/03/2025');
    expect(buttonIds(confirmed!.replies[0])).toEqual(['nouveau', 'aide']);
    expect(confirmed!.value).toBe('showingStatus');

    expect(again!.replies.map(bodyOf)).toEqual([texts.askNumber]);
    expect(again!.value).toBe('askingNumber');
    expect(again!.context.registrationNumber).toBeUndefined();
  });

  it('answers a status without a date, and confirms with a typed "oui"', async () => {
    const [, , step] = await play([text('salut', 1000), text(FILES.undated, 2000), text('Oui', 3000)]);
    expect(bodyOf(step!.replies[0])).toBe(texts.status(FILES.undated, 'Pension liquidée', undefined));
    expect(bodyOf(step!.replies[0])).not.toContain('mise à jour');
    expect(step!.value).toBe('showingStatus');
  });

  it('says the file is registered when the CSS gives no status label', async () => {
    const [, step] = await play([text(FILES.dated, 1000), choice('confirmer', 2000)], { lookup: () => ({ found: true }) });
    expect(bodyOf(step!.replies[0])).toContain('enregistré');
    expect(step!.value).toBe('showingStatus');
  });

  it('a number as the first message: welcome, then straight to the confirmation', async () => {
    const [step] = await play([text(FILES.dated, 1000, 'Awa Ndiaye')]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.welcome('Awa Ndiaye'), texts.confirm(FILES.dated)]);
    expect(bodyOf(step!.replies[0])).toMatch(/^Bienvenue Awa Ndiaye !/);
    expect(step!.value).toBe('confirming');
  });

  it('after a status, a typed number checks another file directly', async () => {
    const steps = await play([text(FILES.dated, 1000), choice('confirmer', 2000), text(FILES.undated, 3000), choice('confirmer', 4000)]);
    expect(steps.map((s) => s.value)).toEqual(['confirming', 'showingStatus', 'confirming', 'showingStatus']);
    expect(bodyOf(steps[3]!.replies[0])).toContain('Pension liquidée');
  });

  it('after a status, other text asks for a number again', async () => {
    const [, , step] = await play([text(FILES.dated, 1000), choice('confirmer', 2000), text('merci', 3000)]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.askNumber]);
    expect(step!.value).toBe('askingNumber');
    expect(step!.context.attempts).toBe(0);
  });
});
