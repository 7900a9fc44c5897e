import { describe, expect, it } from '@jest/globals';
import { CUT_ANSWER_ENDING, limitAnswer } from '../../../src/adapters/css/limit-answer.js';

describe('limitAnswer', () => {
  it('leaves an answer within the limit as it is', () => {
    expect(limitAnswer('Réponse courte.', 100)).toBe('Réponse courte.');
  });

  it('cuts after the last whole sentence that leaves room for the ending', () => {
    expect(limitAnswer('Un. Deux. Trois.', 12, '…')).toBe('Un. Deux.…');
  });

  it('cuts on a word end when no sentence ends near the limit', () => {
    expect(limitAnswer('alpha beta gamma delta', 15, '…')).toBe('alpha beta…');
  });

  it('never goes over the limit, ending included', () => {
    const cut = limitAnswer('mot '.repeat(10_000), 8000);
    expect(cut.length).toBeLessThanOrEqual(8000);
    expect(cut.endsWith(CUT_ANSWER_ENDING)).toBe(true);
  });
});
