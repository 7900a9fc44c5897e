/**
 * What whole messages mean, in every locale (French, English and Wolof words side by side: a command typed in any
 * language works whatever the conversation speaks), as word lists a designer extends: commands, small talk, requests for a person.
 * A message means one of these only when, once folded (case, accents, punctuation) and rid of the filler
 * words, it is one of the phrases: "aide svp" is `aide`, "aide-moi à remplir le formulaire" is a question.
 * Button and row ids are read the same way, so a tapped `retour` and a typed "Retour !" mean the same.
 * `npm run check` reports a phrase listed under two meanings, a phrase made only of fillers, and a number
 * (typed numbers pick list rows; `0` always goes back).
 */

import type { Vocabulary } from '../../src/domain/vocabulary.js';

export const words = {
  meanings: {
    aide: ['aide', 'help', 'ndimbal', 'aide moi', 'aidez moi', 'besoin d’aide', 'comment ça marche', 'instructions'],
    menu: ['menu', 'thèmes', 'accueil', 'liste', 'options', 'questions fréquentes', 'faq', 'début'],
    // Complaints and ways to reach the CSS lead to the contact and complaint page.
    contact: [
      'contact', 'contacts', 'jokkoo', 'réclamation', 'réclamations', 'plainte', 'porter plainte', 'faire une réclamation', 'téléphone',
      'numéro de téléphone', 'appeler', 'adresse', 'agence', 'agences',
    ],
    // Requests for a person: a live agent when the operator has one (Chatwoot), else the contact page.
    agent: [
      'agent', 'un agent', 'conseiller', 'conseillère', 'humain', 'une personne', 'quelqu’un', 'parler à quelqu’un',
      'parler à un agent', 'parler à un conseiller', 'parler à un humain', 'opérateur',
      'an agent', 'a person', 'someone', 'human', 'talk to someone', 'talk to an agent', 'talk to a person', 'talk to a human',
    ],
    pension: ['pension', 'pensions', 'retraite', 'ma retraite', 'pension de retraite', 'rente', 'rentes', 'ipres'],
    // Asks which language to speak; the three below pick one (the buttons of the choice carry these ids).
    language: ['langue', 'language', 'làkk', 'changer de langue', 'change language', 'autre langue', 'langues', 'languages'],
    french: ['français', 'francais', 'french', 'en français', 'in french', 'farañse'],
    english: ['english', 'anglais', 'en anglais', 'in english', 'angale'],
    wolof: ['wolof', 'en wolof', 'in wolof', 'olof'],
    back: ['retour', 'précédent', 'revenir', 'back', 'go back', 'dellu'],
    retry: ['réessayer', 'ressayer', 'essayer encore', 'encore', 'recommencer', 'retry', 'try again', 'jéemaat', 'jéemaatal'],
    greeting: [
      'bonjour', 'bjr', 'bonsoir', 'bsr', 'salut', 'slt', 'coucou', 'hello', 'hi', 'hey', 'yo', 'allo', 'good morning',
      'bonjour bonjour', 'bonne matinée', 'salam', 'salam alaykoum', 'salam aleykoum', 'salam alekoum', 'salaam aleekum', 'salam alekum', 'salamalekum',
      'salamalekoum', 'salam aleikoum', 'salam alaykum', 'salam aleykum', 'salam aleikum', 'assalamou alaykoum',
      'assalamu alaikum', 'as salam alaykoum', 'salamou alaykoum', 'nanga def', 'na nga def', 'mangi fi', 'jamm nga fanaan',
      '👋',
    ],
    thanks: [
      'merci', 'merci beaucoup', 'merci bien', 'mille mercis', 'grand merci', 'merci infiniment', 'jërëjëf', 'jërë jëf',
      'jerejef', 'jerejeff', 'thanks', 'thank you', 'thank u', 'thx', 'merci pour la réponse', 'merci pour votre aide', '🙏',
    ],
    acknowledgement: [
      'ok', 'okay', 'oki', 'd’accord', 'dac', 'dak', 'compris', 'bien compris', 'bien reçu', 'reçu', 'entendu', 'parfait',
      'super', 'cool', 'top', 'génial', 'très bien', 'c’est noté', 'noté', 'waaw', 'waw', 'yes', 'oui', 'c’est clair',
      '👍', '👌', '✅', '😊', '🙂', '❤️',
    ],
    goodbye: [
      'au revoir', 'aurevoir', 'bye', 'bye bye', 'à bientôt', 'à plus', 'bonne journée', 'bonne soirée', 'bonne nuit',
      'ciao', 'goodbye', 'ba beneen', 'ba beneen yoon', 'mangi dem', 'c’est tout', 'rien d’autre', 'fin',
    ],
  },
  // Words that make a message polite without changing what it asks: "le menu stp", "je veux ma pension".
  fillers: [
    'svp', 'stp', 's’il vous plaît', 's’il te plaît', 'sil vous plait', 'please', 'pls', 'plz', 'je', 'j', 'veux', 'voudrais',
    'souhaite', 'aimerais', 'voir', 'le', 'la', 'les', 'l', 'un', 'une', 'ma', 'mon', 'mes', 'du', 'de', 'des', 'd', 'a', 'à',
    'madame', 'monsieur', 'mademoiselle', 'tous', 'toutes', 'css',
  ],
} satisfies Vocabulary;

/** A meaning the CSS assistant reads from whole messages. */
export type Meaning = keyof typeof words.meanings;
