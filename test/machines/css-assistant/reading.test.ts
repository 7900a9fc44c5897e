import { describe, expect, it } from '@jest/globals';
import { createReading, frenchContent, words } from '../../../machines/css-assistant/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import { findVocabularyProblems } from '../../../src/domain/vocabulary.js';

const read = createReading(frenchContent);
const typed = (text: string): UserEvent => ({ type: 'user.text', text, at: 0 });
const tapped = (id: string): UserEvent => ({ type: 'user.choice', id, title: id, at: 0 });

// What a whole message means decides whether the CSS API is asked at all: tables a designer can extend.
describe('css-assistant: reading whole messages', () => {
  it.each([
    // Commands, in any case, with accents, a slash or politeness around them.
    ['aide', 'aide'], ['/AIDE', 'aide'], ['Help', 'aide'], ['aide svp', 'aide'], ['Aidez-moi !', 'aide'], ['aidé', 'aide'],
    ['menu', 'menu'], [' Menu ', 'menu'], ['le menu stp', 'menu'], ['Ménu ?', 'menu'], ['je veux voir le menu', 'menu'],
    ['contact', 'contact'], ['CONTACTS', 'contact'],
    // Requests for a person and complaints go to the contact and complaint page, never to the CSS API.
    ['agent', 'agent'], ['conseiller', 'agent'], ['humain', 'agent'], ['parler à quelqu’un', 'agent'],
    ["je veux parler à un conseiller svp", 'agent'], ['réclamation', 'contact'], ['Plainte', 'contact'], ['porter plainte', 'contact'],
    ['pension', 'pension'], ['je veux ma pension', 'pension'], ['Ma retraite', 'pension'], ['IPRES', 'pension'],
    ['retour', 'back'], ['précédent', 'back'], ['0', 'back'], [' 0 ', 'back'], ['Retour !', 'back'],
    ['réessayer', 'retry'], ['Ressayer', 'retry'],
    // Small talk: thanks, acknowledgements, goodbyes, greetings, in French, Wolof and English, emoji alone, a lone "?".
    ['merci', 'thanks'], ['Merci beaucoup !!', 'thanks'], ['Merciii', 'thanks'], ['Jërëjëf', 'thanks'], ['jerejef', 'thanks'], ['thank you', 'thanks'], ['🙏', 'thanks'],
    ['ok', 'acknowledgement'], ['OK.', 'acknowledgement'], ["d'accord", 'acknowledgement'], ['👍', 'acknowledgement'], ['👍🏾👍🏾', 'acknowledgement'], ['🤷', 'acknowledgement'], ['...', 'acknowledgement'],
    ['au revoir', 'goodbye'], ['Bonne journée', 'goodbye'], ['bye', 'goodbye'], ['Ba beneen', 'goodbye'],
    ['bonjour', 'greeting'], ['Bonjour madame', 'greeting'], ['Salaam aleekum', 'greeting'], ['salamalekoum', 'greeting'], ['Nanga def', 'greeting'], ['hello', 'greeting'], ['👋', 'greeting'],
    ['?', 'questionMark'], ['??', 'questionMark'], [' ? ', 'questionMark'],
  ])('%j means %s', (text, meaning) => {
    expect(read.meaningOf(typed(text))).toBe(meaning);
  });

  it.each([
    'Quel est le taux de cotisation ?',
    'aide-moi à remplir le formulaire',
    'merci de me dire le montant des allocations',
    'bonjour, ma pension ?',
    'Quel est le montant de la pension de retraite ?',
    'menu des prestations familiales',
    '2 enfants',
  ])('%j is a question for the CSS', (text) => {
    expect(read.meaningOf(typed(text))).toBeUndefined();
  });

  it('reads a tapped button or row like the word it stands for', () => {
    expect(read.meaningOf(tapped('retour'))).toBe('back');
    expect(read.meaningOf(tapped('reessayer'))).toBe('retry');
    expect(read.meaningOf(tapped('aide'))).toBe('aide');
  });

  it('picks categories and topics by the numbers of the texts, whatever their count', () => {
    const { menu: categories } = frenchContent;
    categories.forEach((category, index) => {
      expect(read.categoryByNumber(typed(String(index + 1)))?.id).toBe(category.id);
      category.topics.forEach((topic, t) => expect(read.topicByNumber(typed(`${t + 1}.`), category.id)?.id).toBe(topic.id));
      expect(read.topicByNumber(typed(String(category.topics.length + 1)), category.id)).toBeUndefined();
    });
    expect(read.categoryByNumber(typed(String(categories.length + 1)))).toBeUndefined();
    expect(read.categoryByNumber(typed('1 enfant'))).toBeUndefined();
  });

  it('keeps its word lists free of conflicts, as npm run check does', () => {
    expect(findVocabularyProblems(words)).toEqual([]);
  });
});
