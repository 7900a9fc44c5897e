import { describe, expect, it } from '@jest/globals';
import { MAX_ATTEMPTS, texts } from '../../../machines/pension-status/index.js';
import { choice, text } from '../run-machine.js';
import { FILES, bodyOf, buttonIds, play } from './fake-lookup.js';

describe('pension-status: typing the registration number', () => {
  it.each(['123456', '12345678901', '1234567AB', 'A1234567', 'mon numéro est 1234567', 'je ne sais pas'])(
    '%j is refused with the expected format and an example',
    async (typed) => {
      const [, step] = await play([text('bonjour', 1000), text(typed, 2000)]);
      expect(step!.replies).toEqual([{ type: 'text', text: texts.invalidNumber }]);
      expect(texts.invalidNumber).toMatch(/7 à 10 chiffres/);
      expect(texts.invalidNumber).toContain('1234567A');
      expect(step!.value).toBe('askingNumber');
      expect(step!.context).toMatchObject({ attempts: 1 });
    },
  );

  it(`after ${MAX_ATTEMPTS} invalid numbers, offers help and contact and starts over`, async () => {
    const steps = await play([text('bonjour', 1000), text('12', 2000), text('abc', 3000), text('123-45', 4000), text('1234', 5000)]);
    expect(steps.slice(1).map((s) => s.context.attempts)).toEqual([1, 2, 0, 1]);
    expect(steps[2]!.replies.map(bodyOf)).toEqual([texts.invalidNumber]);
    const [help, ask] = steps[3]!.replies;
    expect(bodyOf(help)).toBe(texts.tooManyAttempts);
    expect(texts.tooManyAttempts).toMatch(/aide/);
    expect(texts.tooManyAttempts).toContain('+221');
    expect(bodyOf(ask)).toBe(texts.askNumber);
    expect(buttonIds(ask)).toEqual(['aide']);
    expect(steps[3]!.value).toBe('askingNumber');
  });

  it('a valid number resets the count of invalid attempts', async () => {
    const steps = await play([text('bonjour', 1000), text('12', 2000), text('34', 3000), text(FILES.dated, 4000), choice('corriger', 5000), text('56', 6000)]);
    expect(steps.map((s) => s.context.attempts)).toEqual([0, 1, 2, 0, 0, 1]);
    expect(steps.at(-1)!.replies.map(bodyOf)).toEqual([texts.invalidNumber]);
  });

  it.each([
    ['the Corriger button', choice('corriger', 3000)],
    ['a typed "non"', text('non', 3000)],
    ['a typed "/Corriger"', text('/Corriger', 3000)],
  ])('%s asks for the number again, then the new one is confirmed', async (_, correct) => {
    const steps = await play([text('bonjour', 1000), text('1234568', 2000), correct, text('1234567 a', 4000)]);
    expect(steps[2]!.replies.map(bodyOf)).toEqual([texts.askNumber]);
    expect(steps[2]!.value).toBe('askingNumber');
    expect(steps[3]!.replies.map(bodyOf)).toEqual([texts.confirm('1234567A')]);
    expect(steps[3]!.context).toMatchObject({ registrationNumber: '1234567A' });
  });

  it('a new number typed instead of confirming replaces the first one', async () => {
    const [, step] = await play([text('1234568', 1000), text('7654321', 2000)]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.confirm('7654321')]);
    expect(step!.value).toBe('confirming');
    expect(step!.context.registrationNumber).toBe('7654321');
  });

  it('other text while confirming shows the same question again', async () => {
    const [, step] = await play([text('1234568', 1000), text('euh je sais pas', 2000)]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.confirm('1234568')]);
    expect(buttonIds(step!.replies[0])).toEqual(['confirmer', 'corriger']);
    expect(step!.value).toBe('confirming');
  });

  it('an old Confirmer tapped outside the confirmation asks for the number', async () => {
    const [, step] = await play([text('bonjour', 1000), choice('confirmer', 2000)]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.askNumber]);
    expect(step!.value).toBe('askingNumber');
  });
});
