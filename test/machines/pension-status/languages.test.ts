import { describe, expect, it } from '@jest/globals';
import { messages, pensionTextsIn, texts } from '../../../machines/pension-status/index.js';
import { choice, text } from '../run-machine.js';
import { bodyOf, play } from './fake-lookup.js';

const wolof = pensionTextsIn(messages, 'wo');
const english = pensionTextsIn(messages, 'en');

describe('pension-status in French, English and Wolof', () => {
  it('welcomes a Wolof greeting in Wolof; what Wolof leaves out (the number question) comes in French', async () => {
    const [welcome] = await play([text('Nanga def', 1000)], { lookup: () => ({ found: false }) });
    expect(welcome!.replies.map(bodyOf)).toEqual([wolof.welcome(), texts.askNumber]);
    expect(wolof.welcome()).toMatch(/^Dalal ak jàmm!/);
    expect(welcome!.replies[1]).toMatchObject({ buttons: [{ id: 'aide', title: 'Ndimbal' }] });
    expect(welcome!.context).toMatchObject({ locale: 'wo' });
  });

  it('speaks English to an English greeting, up to the status, and reads English commands', async () => {
    const steps = await play([text('Hello', 1000), text('1234567A', 2000), text('yes', 3000)], {
      lookup: () => ({ found: true, status: 'In progress', updatedAt: '2026-01-15' }),
    });
    expect(steps[0]!.replies.map(bodyOf)).toEqual([english.welcome(), english.askNumber]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual([english.confirm('1234567A')]);
    expect(steps[2]!.replies.map(bodyOf)).toEqual([english.status('1234567A', 'In progress', '2026-01-15')]);
    expect(english.status('1234567A', 'In progress', '2026-01-15')).toContain('Last updated: 15/01/2026');
    expect(english.status('1234567A', undefined, undefined)).not.toContain('Last updated');
  });

  it('keeps French, the reference, for a registration number or a tap as first message', async () => {
    const [first] = await play([choice('aide', 1000)], { lookup: () => ({ found: false }) });
    expect(first!.replies.map(bodyOf)[0]).toBe(texts.welcome());
    expect(first!.context).not.toHaveProperty('locale');
  });
});
