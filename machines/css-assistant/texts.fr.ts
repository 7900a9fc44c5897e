/**
 * Every French word the CSS assistant says, and the content of its menu. The machine holds the
 * structure (which message, which buttons, when); a designer edits this file alone to change
 * wording or topics. Limits to respect (checked by the tests): button title ≤ 20, list button ≤ 20,
 * row title ≤ 24, row description ≤ 72, section title ≤ 24, interactive body ≤ 1024.
 */

import { truncateText } from '../../src/domain/safe-text.js';

/** Ids of the four menu categories: they are reply ids in the outside contract, do not rename. */
export type CategoryId = 'cotisations' | 'prestations' | 'procedures' | 'documents';

/** One tappable question of a category; `question` is what the CSS API receives. */
export interface TopicText {
  readonly id: `${CategoryId}.${string}`;
  readonly title: string;
  readonly description: string;
  readonly question: string;
}

/** One menu row, and the list of topics it opens. */
export interface CategoryText {
  readonly id: CategoryId;
  readonly title: string;
  readonly description: string;
  /** Body of the topic list. */
  readonly intro: string;
  readonly topics: readonly TopicText[];
}

/** Keeps a user's display name short enough for any body it is put into. */
const greet = (name: string | undefined): string => (name?.trim() ? ` ${truncateText(name.trim(), 40)}` : '');

/** The sentences of the conversation, by the moment they are said. */
export const texts = {
  welcome: (name?: string): string =>
    `Bienvenue${greet(name)} ! 👋 Je suis l'assistant WhatsApp de la Caisse de Sécurité Sociale du Sénégal (CSS).\n\n` +
    'Je réponds à vos questions sur :\n' +
    '• les cotisations sociales ;\n' +
    '• les prestations : allocations familiales, maternité, accidents du travail ;\n' +
    '• les démarches et les documents à fournir.\n\n' +
    'Écrivez votre question en une phrase, ou choisissez une option ci-dessous.',
  greeting: (name?: string): string =>
    `Bonjour${greet(name)} ! 😊 Posez-moi votre question sur la CSS, ou choisissez une option ci-dessous.`,
  help:
    'ℹ️ *Comment utiliser l’assistant*\n\n' +
    '• Écrivez votre question en une phrase, par exemple : « Comment déclarer un accident du travail ? »\n' +
    '• Tapez *menu* pour parcourir les thèmes et les questions fréquentes.\n' +
    '• Tapez *aide* pour revoir ce message.\n' +
    '• Tapez *contact* pour joindre la CSS.\n\n' +
    'Les réponses sont données à titre d’information. Pour un dossier personnel, adressez-vous à votre agence CSS.',
  // Contact details to confirm with the CSS before going live.
  contact:
    '📞 *Contacter la CSS*\n\n' +
    'Siège : avenue Lamine Guèye, Dakar-Plateau, Dakar\n' +
    'Téléphone : +221 33 889 20 20\n' +
    'Site web : www.secusociale.sn\n' +
    'Accueil : du lundi au vendredi, de 8 h à 16 h\n\n' +
    'Des agences vous reçoivent aussi dans les régions.',
  buttons: { menu: 'Menu', aide: 'Aide', contact: 'Contact' },
  menu: {
    body: '📋 Choisissez un thème pour voir les questions fréquentes, ou écrivez directement votre question.',
    button: 'Voir les thèmes',
    sectionTitle: 'Thèmes',
  },
  category: { button: 'Voir les questions' },
  afterAnswer: 'Avez-vous une autre question ? Écrivez-la simplement, ou revenez au menu.',
  noAnswer:
    'Je n’ai pas trouvé de réponse à votre question. Essayez de la reformuler, ou tapez *menu* pour parcourir les thèmes.',
  unavailable:
    '😔 Désolé, le service de réponses de la CSS est momentanément indisponible et votre question n’a pas pu être traitée : réessayez dans quelques instants.',
  nudge: 'Toujours là ? 🙂 Choisissez un thème dans la liste ci-dessus, ou écrivez directement votre question.',
  restartNotice: '🔄 Notre assistant a été mis à jour : reprenons depuis le début.',
  /** Audio, video, stickers, locations, contacts, documents other than PDF: what the assistant can read instead. */
  cannotRead:
    'Je ne sais pas lire ce type de message 🙏 Je comprends :\n' +
    '• les questions écrites en texte ;\n' +
    '• les photos (JPEG ou PNG) ;\n' +
    '• les documents PDF.\n\n' +
    'Écrivez votre question en quelques mots, envoyez une photo ou un PDF, ou tapez *menu*.',
  /** Asked to the CSS about a photo or a PDF sent without a caption. */
  mediaQuestion: {
    image: 'Que pouvez-vous me dire sur cette image ?',
    document: 'Que pouvez-vous me dire sur ce document ?',
  },
  /** A photo or a PDF the CSS cannot take: said plainly, with what is accepted. */
  mediaRefused: {
    type: '📎 Je ne peux pas lire ce fichier. J’accepte les photos (JPEG ou PNG) et les documents PDF : renvoyez-le sous l’une de ces formes, ou écrivez votre question.',
    size: '📎 Ce fichier est trop volumineux pour que je le lise. Envoyez une photo plus légère ou un PDF plus court, ou écrivez votre question.',
  },
} as const;

/** The menu, in display order: `1`–`4` typed by the user follow this order. */
export const categories: readonly CategoryText[] = [
  {
    id: 'cotisations',
    title: 'Cotisations',
    description: 'Taux, déclaration des salaires, paiement et pénalités',
    intro: '💰 *Cotisations* : choisissez une question, ou écrivez la vôtre.',
    topics: [
      { id: 'cotisations.taux', title: 'Taux de cotisation', description: 'Ce que l’employeur verse à la CSS',
        question: 'Quels sont les taux de cotisation à la Caisse de Sécurité Sociale pour les prestations familiales et les accidents du travail ?' },
      { id: 'cotisations.plafond', title: 'Salaire plafonné', description: 'La part du salaire sur laquelle on cotise',
        question: 'Quel est le plafond de salaire pris en compte pour le calcul des cotisations à la CSS ?' },
      { id: 'cotisations.declaration', title: 'Déclarer les salaires', description: 'Quand et comment déclarer les salaires de vos employés',
        question: 'Comment et à quelle fréquence un employeur doit-il déclarer les salaires et payer les cotisations à la CSS ?' },
      { id: 'cotisations.paiement', title: 'Moyens de paiement', description: 'Où et comment payer vos cotisations',
        question: 'Quels sont les moyens de paiement des cotisations sociales à la CSS ?' },
      { id: 'cotisations.penalites', title: 'Retard de paiement', description: 'Majorations et pénalités en cas de retard',
        question: 'Quelles sont les pénalités et majorations de retard en cas de paiement tardif des cotisations à la CSS ?' },
    ],
  },
  {
    id: 'prestations',
    title: 'Prestations',
    description: 'Allocations familiales, maternité, accidents du travail',
    intro: '👨‍👩‍👧 *Prestations* : choisissez une question, ou écrivez la vôtre.',
    topics: [
      { id: 'prestations.allocations', title: 'Allocations familiales', description: 'Qui y a droit et quel montant',
        question: 'Qui a droit aux allocations familiales de la CSS et quel en est le montant ?' },
      { id: 'prestations.prenatales', title: 'Allocations prénatales', description: 'Les aides versées pendant la grossesse',
        question: 'Quelles sont les conditions pour bénéficier des allocations prénatales de la CSS ?' },
      { id: 'prestations.maternite', title: 'Congé de maternité', description: 'Les indemnités journalières pendant le congé',
        question: 'Comment la CSS verse-t-elle les indemnités journalières de maternité, et pour quelle durée ?' },
      { id: 'prestations.accident', title: 'Accident du travail', description: 'Prise en charge des soins et indemnités',
        question: 'Quelles prestations la CSS verse-t-elle en cas d’accident du travail ou de maladie professionnelle ?' },
      { id: 'prestations.rente', title: 'Rente d’incapacité', description: 'Indemnisation d’une incapacité permanente',
        question: 'Comment obtenir une rente d’incapacité permanente après un accident du travail ?' },
    ],
  },
  {
    id: 'procedures',
    title: 'Démarches',
    description: 'Immatriculation, déclarations et réclamations',
    intro: '📝 *Démarches* : choisissez une question, ou écrivez la vôtre.',
    topics: [
      { id: 'procedures.immatriculation', title: 'Inscrire mon entreprise', description: 'Immatriculer un nouvel employeur à la CSS',
        question: 'Comment immatriculer une entreprise en tant qu’employeur à la Caisse de Sécurité Sociale ?' },
      { id: 'procedures.salarie', title: 'Déclarer un salarié', description: 'Affilier un travailleur que vous embauchez',
        question: 'Comment déclarer l’embauche d’un nouveau salarié à la CSS ?' },
      { id: 'procedures.accident', title: 'Déclarer un accident', description: 'Délais et démarches après un accident du travail',
        question: 'Comment et dans quel délai déclarer un accident du travail à la CSS ?' },
      { id: 'procedures.allocations', title: 'Demander allocations', description: 'Ouvrir vos droits aux prestations familiales',
        question: 'Quelles démarches faut-il faire pour demander les allocations familiales à la CSS ?' },
      { id: 'procedures.reclamation', title: 'Faire une réclamation', description: 'Contester une décision ou signaler un retard de paiement',
        question: 'Comment faire une réclamation auprès de la CSS en cas de retard de paiement ou de désaccord ?' },
    ],
  },
  {
    id: 'documents',
    title: 'Documents',
    description: 'Pièces à fournir et attestations',
    intro: '📂 *Documents* : choisissez une question, ou écrivez la vôtre.',
    topics: [
      { id: 'documents.allocations', title: 'Dossier allocations', description: 'Pièces à fournir pour les allocations familiales',
        question: 'Quels documents faut-il fournir pour constituer un dossier d’allocations familiales à la CSS ?' },
      { id: 'documents.maternite', title: 'Dossier maternité', description: 'Pièces pour les indemnités journalières de maternité',
        question: 'Quelles pièces faut-il fournir pour percevoir les indemnités journalières de maternité de la CSS ?' },
      { id: 'documents.accident', title: 'Dossier accident', description: 'Pièces pour un accident du travail',
        question: 'Quels documents sont nécessaires pour déclarer un accident du travail à la CSS ?' },
      { id: 'documents.attestation', title: 'Attestation employeur', description: 'Obtenir une attestation de régularité de cotisations',
        question: 'Comment obtenir une attestation de régularité de paiement des cotisations auprès de la CSS ?' },
    ],
  },
];
