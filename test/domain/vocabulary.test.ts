import { describe, expect, it } from '@jest/globals';
import { cssAssistant, frenchContent } from '../../machines/css-assistant/index.js';
import { runMachineCheck } from '../../src/designer/check/check-machine.js';
import { createMeaningReader, findVocabularyProblems, phraseKey } from '../../src/domain/vocabulary.js';

describe('vocabulary: whole messages read from word lists', () => {
  it.each([
    ['Le MENU, stp !', ['le', 'stp'], 'menu'],
    ['Jërëjëf 🙏', [], 'jerejef'],
    ['Merciiii', [], 'merci'],
    ['salaam   aleekum', [], 'salamalekum'],
    ['👍🏾👍', [], '👍'],
    ["s'il vous plaît", ['s', 'il', 'vous', 'plait'], ''],
  ])('phraseKey(%j) is %j', (text, fillers, key) => {
    expect(phraseKey(text, fillers)).toBe(key);
  });

  it('reads a meaning, and nothing from a sentence that only contains it', () => {
    const meaningOf = createMeaningReader({ meanings: { thanks: ['merci'], aide: ['aide'] }, fillers: ['svp', 'beaucoup'] });
    expect(meaningOf('Merci beaucoup !')).toBe('thanks');
    expect(meaningOf('aide svp')).toBe('aide');
    expect(meaningOf('merci de me dire le taux')).toBeUndefined();
    expect(meaningOf('svp')).toBeUndefined();
  });

  it('reports a phrase under two meanings, one made of fillers only, and a number', () => {
    const problems = findVocabularyProblems({
      meanings: { thanks: ['merci'], acknowledgement: ['ok', 'Merci !'], back: ['svp', '0'] },
      fillers: ['svp'],
    });
    expect(problems).toEqual([
      { state: '(words)', field: 'acknowledgement[1]', message: expect.stringContaining('already listed under thanks[0]') },
      { state: '(words)', field: 'back[0]', message: expect.stringContaining('only filler words') },
      { state: '(words)', field: 'back[1]', message: expect.stringContaining('is a number') },
    ]);
  });

  it('npm run check reports a small-talk word that conflicts with a command, naming the list entry', () => {
    const { meanings } = frenchContent.words;
    const words = { ...frenchContent.words, meanings: { ...meanings, thanks: [...meanings.thanks, 'Menu !'] } };
    const broken = { ...cssAssistant, vocabulary: words };
    const problems = runMachineCheck(broken).problems.filter((p) => p.state === '(words)');
    expect(problems).toEqual([
      { machine: 'css-assistant', state: '(words)', field: `thanks[${meanings.thanks.length}]`, message: expect.stringContaining('already listed under menu[0]') },
    ]);
    expect(runMachineCheck(cssAssistant).problems.filter((p) => p.state === '(words)')).toEqual([]);
  });
});
