/**
 * The CSS assistant's menu as data: its categories and their topics, in display order (the numbers users type
 * follow it), and for each topic the question the CSS API receives. Titles, descriptions and intros are messages
 * in `locales/<locale>.ftl` (`category-<id>`, `topic-<id>` with its dot written `-`); the questions stay here, in
 * French, because they are never shown: they are what the CSS API, which reads French, is asked.
 */

/** One tappable question of a category. */
export interface MenuTopic {
  /** A list row id: unique, kept when the wording changes (analytics and old taps use it). */
  readonly id: string;
  /** What the CSS API receives when the topic is picked, in French. */
  readonly question: string;
}

/** One menu row, and the topics it opens. */
export interface MenuCategory {
  /** A list row id; `cotisations`, `prestations`, `procedures`, `documents` are in the outside contract. */
  readonly id: string;
  readonly topics: readonly MenuTopic[];
}

/** The id of the message that titles a category or a topic (`topic-cotisations-taux`). */
export const menuMessageId = (kind: 'category' | 'topic', id: string): string => `${kind}-${id.replaceAll('.', '-')}`;

/** The menu, in display order. */
export const menu: readonly MenuCategory[] = [
  {
    id: 'cotisations',
    topics: [
      { id: 'cotisations.taux', question: 'Quels sont les taux de cotisation à la Caisse de Sécurité Sociale pour les prestations familiales et les accidents du travail ?' },
      { id: 'cotisations.plafond', question: 'Quel est le plafond de salaire pris en compte pour le calcul des cotisations à la CSS ?' },
      { id: 'cotisations.declaration', question: 'Comment et à quelle fréquence un employeur doit-il déclarer les salaires et payer les cotisations à la CSS ?' },
      { id: 'cotisations.paiement', question: 'Quels sont les moyens de paiement des cotisations sociales à la CSS ?' },
      { id: 'cotisations.penalites', question: 'Quelles sont les pénalités et majorations de retard en cas de paiement tardif des cotisations à la CSS ?' },
    ],
  },
  {
    id: 'prestations',
    topics: [
      { id: 'prestations.allocations', question: 'Qui a droit aux allocations familiales de la CSS et quel en est le montant ?' },
      { id: 'prestations.enceinte', question: 'Je suis enceinte : quelles aides de la CSS puis-je recevoir, et quelles démarches dois-je faire ?' },
      { id: 'prestations.prenatales', question: 'Quelles sont les conditions pour bénéficier des allocations prénatales de la CSS ?' },
      { id: 'prestations.maternite', question: 'Comment la CSS verse-t-elle les indemnités journalières de maternité, et pour quelle durée ?' },
      { id: 'prestations.paiement', question: 'Mes allocations familiales n’ont pas été payées : que faire et qui contacter à la CSS ?' },
    ],
  },
  {
    id: 'procedures',
    topics: [
      { id: 'procedures.verifier', question: 'Comment un salarié peut-il vérifier que son employeur l’a bien déclaré à la CSS ?' },
      { id: 'procedures.accident', question: 'Comment et dans quel délai déclarer un accident du travail à la CSS ?' },
      { id: 'procedures.allocations', question: 'Quelles démarches faut-il faire pour demander les allocations familiales à la CSS ?' },
      { id: 'procedures.immatriculation', question: 'Comment immatriculer une entreprise en tant qu’employeur à la Caisse de Sécurité Sociale ?' },
      { id: 'procedures.salarie', question: 'Comment déclarer l’embauche d’un nouveau salarié à la CSS ?' },
      { id: 'procedures.reclamation', question: 'Comment faire une réclamation auprès de la CSS en cas de retard de paiement ou de désaccord ?' },
    ],
  },
  {
    id: 'documents',
    topics: [
      { id: 'documents.allocations', question: 'Quels documents faut-il fournir pour constituer un dossier d’allocations familiales à la CSS ?' },
      { id: 'documents.maternite', question: 'Quelles pièces faut-il fournir pour percevoir les indemnités journalières de maternité de la CSS ?' },
      { id: 'documents.accident', question: 'Quels documents sont nécessaires pour déclarer un accident du travail à la CSS ?' },
      { id: 'documents.attestation', question: 'Comment obtenir une attestation de régularité de paiement des cotisations auprès de la CSS ?' },
    ],
  },
  {
    id: 'pensions',
    topics: [
      { id: 'pensions.retraite', question: 'Qui verse la pension de retraite d’un salarié au Sénégal, la CSS ou l’IPRES, et à qui s’adresser ?' },
      { id: 'pensions.rente', question: 'Comment obtenir une rente d’incapacité permanente après un accident du travail ou une maladie professionnelle ?' },
      { id: 'pensions.survivants', question: 'Quels droits ont le conjoint et les enfants d’un travailleur décédé à la suite d’un accident du travail ?' },
      { id: 'pensions.paiement', question: 'Quand et comment la CSS paie-t-elle les rentes d’accident du travail ?' },
      { id: 'pensions.dossier', question: 'Comment suivre l’avancement de mon dossier de rente à la CSS ?' },
    ],
  },
];

/** What the CSS API is asked about a photo or a PDF sent without a caption, in French (the API's language). */
export const mediaQuestions = {
  image: 'Que pouvez-vous me dire sur cette image ?',
  document: 'Que pouvez-vous me dire sur ce document ?',
} as const;
