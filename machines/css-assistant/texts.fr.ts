/**
 * Every French word the CSS assistant says, and its menu. The machine holds the structure (which message,
 * which buttons, when); a designer edits this file alone to change wording, or to add, remove or reorder a
 * category or a topic: lists, typed numbers, sample events and tests all follow `categories`. Limits (checked
 * by `npm run check`): button title ≤ 20, list button ≤ 20, row title ≤ 24, row description ≤ 72, section title
 * ≤ 24, footer ≤ 60, interactive body ≤ 1,024; a list holds at most 9 entries (the 10th row is "Retour").
 *
 * Lines marked `TO CONFIRM (CSS)` state facts about the CSS (numbers, hours, agencies, rules) that no CSS
 * publication we have confirms: have the CSS check them before going live.
 */

import { truncateText } from '../../src/domain/safe-text.js';

/** One tappable question of a category; `question` is what the CSS API receives. */
export interface TopicText {
  /** A list row id: unique, kept when the wording changes (analytics and old taps use it). */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly question: string;
}

/** One menu row, and the list of topics it opens. */
export interface CategoryText {
  /** A list row id; `cotisations`, `prestations`, `procedures`, `documents` are in the outside contract. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** First line of the topic list. */
  readonly intro: string;
  readonly topics: readonly TopicText[];
}

/** Keeps a user's display name short enough for any body it is put into. */
const greet = (name: string | undefined): string => (name?.trim() ? ` ${truncateText(name.trim(), 40)}` : '');

// TO CONFIRM (CSS): number, opening hours, head office, agencies, website.
const PHONE = '+221 33 889 20 20';
const HOURS = 'du lundi au vendredi, de 8 h à 16 h';
const CALL = `Urgent ? Appelez la CSS au ${PHONE} (${HOURS}).`;
const AGENT_HOURS = 'du lundi au vendredi, de 8 h à 17 h';

/** The sentences of the conversation, by the moment they are said. */
export const texts = {
  welcome: (name?: string): string =>
    `Bienvenue${greet(name)} ! 👋 Je suis l'assistant WhatsApp de la Caisse de Sécurité Sociale du Sénégal (CSS).\n\n` +
    'Je réponds à vos questions sur :\n' +
    '• les cotisations sociales ;\n' +
    '• les allocations familiales, la maternité, les accidents du travail ;\n' +
    '• les rentes, les démarches et les documents à fournir.\n\n' +
    'Écrivez votre question en une phrase, ou tapez *menu*.',
  welcomeBack: (name?: string): string => `Bon retour${greet(name)} ! 👋 Écrivez votre question, ou tapez *menu*.`,
  greeting: (name?: string): string => `Bonjour${greet(name)} ! 😊 Écrivez votre question sur la CSS, ou tapez *menu*.`,
  /** Back from the menu: where the conversation starts. */
  home: '🏠 Écrivez votre question sur la CSS, ou tapez *menu* pour voir les thèmes.',
  smallTalk: {
    thanks: 'Avec plaisir ! 😊 Une autre question ? Écrivez-la simplement.',
    acknowledgement: '👍 Très bien. Écrivez votre question quand vous voulez.',
    goodbye: 'Au revoir, et merci d’avoir écrit à la CSS ! 👋 Je reste là si vous avez une autre question.',
    questionMark: 'Je réponds aux questions sur la CSS. Écrivez votre question en une phrase, ou tapez *menu* pour voir les thèmes.',
  },
  help:
    'ℹ️ *Comment utiliser l’assistant*\n\n' +
    '• Écrivez votre question en une phrase, par exemple : « Comment déclarer un accident du travail ? »\n' +
    '• Tapez *menu* pour voir les thèmes, puis le *numéro* de votre choix (*0* pour revenir).\n' +
    '• Tapez *contact* pour joindre la CSS ou faire une réclamation.\n' +
    '• Tapez *pension* pour les pensions et les rentes.\n\n' +
    'Les réponses sont données à titre d’information. Pour un dossier personnel, adressez-vous à votre agence CSS.',
  // TO CONFIRM (CSS): every fact below.
  contact:
    '📞 *Contacter la CSS*\n\n' +
    `• Téléphone : ${PHONE}\n` +
    `• Accueil : ${HOURS}\n` +
    '• Siège : avenue Lamine Guèye, Dakar-Plateau ; des agences vous reçoivent dans les régions\n' +
    '• Site web : www.secusociale.sn\n\n' +
    '📝 *Faire une réclamation* : déposez-la par écrit à l’accueil de votre agence CSS, avec votre numéro ' +
    'd’immatriculation, la copie de vos pièces et l’objet de la réclamation. Gardez le reçu de dépôt.',
  // TO CONFIRM (CSS): who pays what, and the WhatsApp number that follows files.
  pension:
    '🧓 *Pensions et rentes*\n\n' +
    '• La *pension de retraite* des salariés est versée par l’IPRES, pas par la CSS : adressez-vous à l’IPRES.\n' +
    '• La CSS verse les *rentes* d’accident du travail et de maladie professionnelle, et les rentes de survivants.\n' +
    '• Pour savoir où en est votre dossier de rente, contactez votre agence CSS avec votre numéro d’immatriculation.\n\n' +
    'Touchez *Questions pensions* pour les questions fréquentes, ou écrivez votre question.',
  buttons: {
    menu: 'Menu',
    aide: 'Aide',
    contact: 'Contact',
    reessayer: 'Réessayer',
    pensions: 'Questions pensions',
    agent: 'Parler à un agent',
  },
  /** A person takes over (live agent handoff), and hands back. */
  agent: {
    coming: '👤 Je transmets votre demande à un conseiller de la CSS. Il vous répond ici, en général dans la demi-heure. Écrivez-lui librement : vos messages lui parviennent.',
    // TO CONFIRM (CSS): the agents' hours (AGENT_OFFICE_HOURS).
    outOfHours: `👤 Nos conseillers répondent ${AGENT_HOURS}. Laissez votre message ici : il sera lu dès leur retour et un conseiller vous répondra dans cette conversation.`,
    unreachable: '⏳ Je n’arrive pas à joindre les conseillers pour le moment. Vos messages sont gardés et leur seront transmis dès que possible.',
    noReplyYet: `⏳ Aucun conseiller n’a encore pu vous répondre. Votre demande reste ouverte ; si c’est urgent, appelez la CSS au ${PHONE}.`,
    back: '🤖 Le conseiller a clos l’échange : vous êtes de nouveau avec l’assistant automatique.',
    unavailable: '👤 Aucun conseiller n’est joignable par écrit pour le moment. Vous pouvez appeler la CSS :',
    /** The first message agents read: what the citizen asked for, and their last question to the bot. */
    request: (said: string, lastQuestion: string | undefined) =>
      `Demande de conseiller : « ${said} »${lastQuestion ? `\nDernière question posée à l’assistant : « ${lastQuestion} »` : ''}`,
    /** A file the citizen sent while with an agent: its caption, the file itself attached (when it can be fetched). */
    file: (kind: string, caption: string | undefined) => caption?.trim() || `[${kind}]`,
  },
  menu: {
    intro: '📋 *Menu* : choisissez un thème.',
    howTo: 'Tapez le numéro du thème (0 pour revenir), ou écrivez directement votre question.',
    button: 'Voir les thèmes',
    sectionTitle: 'Thèmes',
    back: { title: 'Retour', description: 'Revenir à l’accueil' },
  },
  category: {
    howTo: 'Tapez le numéro de la question (0 pour revenir au menu), ou écrivez la vôtre.',
    button: 'Voir les questions',
    back: { title: 'Retour au menu', description: 'Revenir à la liste des thèmes' },
  },
  /** Under every answer, small: what to do next. */
  answerFooter: 'Une autre question ? Écrivez-la simplement.',
  noAnswer:
    '🔍 Je n’ai pas trouvé de réponse à cette question. Essayez de la poser avec d’autres mots, ' +
    'ou tapez *menu* pour voir les thèmes. Un conseiller peut aussi vous aider : tapez *contact*.',
  failure: {
    down: `😔 Le service de réponses de la CSS ne répond pas en ce moment. Tapez *réessayer* dans quelques minutes : je reposerai votre question.\n\n${CALL}`,
    timeout: `⏳ La CSS met trop de temps à répondre. Tapez *réessayer* pour reposer votre question, ou *menu* pour les thèmes.\n\n${CALL}`,
    /** After two failures in a row: this, then the contact details. */
    again: '😔 Je n’arrive pas à vous répondre en ce moment. Le plus sûr est de contacter la CSS directement :',
  },
  /** A question sent while the previous one is still with the CSS. */
  queued: '⏳ Je cherche encore la réponse à votre question précédente. Je réponds aux suivantes juste après, dans l’ordre.',
  queueFull: '⏳ Vous avez déjà des questions en attente. Attendez leurs réponses, puis renvoyez celle-ci.',
  nothingToRetry: 'Écrivez votre question en une phrase : je la transmets à la CSS.',
  nudge: 'Toujours là ? 🙂 Tapez le numéro d’un thème, ou écrivez directement votre question.',
  restartNotice: '🔄 Notre assistant a été mis à jour : reprenons depuis le début.',
  floodNotice:
    '✋ Vous avez envoyé beaucoup de messages en peu de temps : je n’ai pas lu les derniers. ' +
    'Attendez une minute, puis renvoyez votre question.',
  /** Audio, video, stickers, locations, contacts, documents other than PDF: what the assistant can read instead. */
  cannotRead:
    'Je ne sais pas lire ce type de message 🙏 Je comprends les questions écrites, les photos (JPEG ou PNG) ' +
    'et les documents PDF. Écrivez votre question en quelques mots, ou tapez *menu*.',
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
};

const topic = (id: string, title: string, description: string, question: string): TopicText => ({ id, title, description, question });

/** The menu, in display order: the numbers users type follow this order. */
export const categories: readonly CategoryText[] = [
  {
    id: 'cotisations',
    title: 'Cotisations',
    description: 'Taux, déclaration des salaires, paiement et pénalités',
    intro: '💰 *Cotisations* : choisissez une question.',
    topics: [
      topic('cotisations.taux', 'Taux de cotisation', 'Ce que l’employeur verse à la CSS',
        'Quels sont les taux de cotisation à la Caisse de Sécurité Sociale pour les prestations familiales et les accidents du travail ?'),
      topic('cotisations.plafond', 'Salaire plafonné', 'La part du salaire sur laquelle on cotise',
        'Quel est le plafond de salaire pris en compte pour le calcul des cotisations à la CSS ?'),
      topic('cotisations.declaration', 'Déclarer les salaires', 'Quand et comment déclarer les salaires de vos employés',
        'Comment et à quelle fréquence un employeur doit-il déclarer les salaires et payer les cotisations à la CSS ?'),
      topic('cotisations.paiement', 'Moyens de paiement', 'Où et comment payer vos cotisations',
        'Quels sont les moyens de paiement des cotisations sociales à la CSS ?'),
      topic('cotisations.penalites', 'Retard de paiement', 'Majorations et pénalités en cas de retard',
        'Quelles sont les pénalités et majorations de retard en cas de paiement tardif des cotisations à la CSS ?'),
    ],
  },
  {
    id: 'prestations',
    title: 'Allocations, maternité',
    description: 'Allocations familiales, grossesse, congé de maternité',
    intro: '👨‍👩‍👧 *Allocations et maternité* : choisissez une question.',
    topics: [
      topic('prestations.allocations', 'Allocations familiales', 'Qui y a droit et quel montant',
        'Qui a droit aux allocations familiales de la CSS et quel en est le montant ?'),
      topic('prestations.enceinte', 'Je suis enceinte', 'Les aides de la CSS pendant la grossesse',
        'Je suis enceinte : quelles aides de la CSS puis-je recevoir, et quelles démarches dois-je faire ?'),
      topic('prestations.prenatales', 'Allocations prénatales', 'Les aides versées pendant la grossesse',
        'Quelles sont les conditions pour bénéficier des allocations prénatales de la CSS ?'),
      topic('prestations.maternite', 'Congé de maternité', 'Les indemnités journalières pendant le congé',
        'Comment la CSS verse-t-elle les indemnités journalières de maternité, et pour quelle durée ?'),
      topic('prestations.paiement', 'Paiement en retard', 'Mes allocations ne sont pas arrivées',
        'Mes allocations familiales n’ont pas été payées : que faire et qui contacter à la CSS ?'),
    ],
  },
  {
    id: 'procedures',
    title: 'Démarches',
    description: 'Salariés, employeurs, accidents du travail, réclamations',
    intro: '📝 *Démarches* : choisissez une question.',
    topics: [
      topic('procedures.verifier', 'Suis-je déclaré ?', 'Vérifier que mon employeur m’a déclaré',
        'Comment un salarié peut-il vérifier que son employeur l’a bien déclaré à la CSS ?'),
      topic('procedures.accident', 'Déclarer un accident', 'Délais et démarches après un accident du travail',
        'Comment et dans quel délai déclarer un accident du travail à la CSS ?'),
      topic('procedures.allocations', 'Demander allocations', 'Ouvrir vos droits aux prestations familiales',
        'Quelles démarches faut-il faire pour demander les allocations familiales à la CSS ?'),
      topic('procedures.immatriculation', 'Inscrire mon entreprise', 'Immatriculer un nouvel employeur à la CSS',
        'Comment immatriculer une entreprise en tant qu’employeur à la Caisse de Sécurité Sociale ?'),
      topic('procedures.salarie', 'Déclarer un salarié', 'Affilier un travailleur que vous embauchez',
        'Comment déclarer l’embauche d’un nouveau salarié à la CSS ?'),
      topic('procedures.reclamation', 'Faire une réclamation', 'Contester une décision ou signaler un retard de paiement',
        'Comment faire une réclamation auprès de la CSS en cas de retard de paiement ou de désaccord ?'),
    ],
  },
  {
    id: 'documents',
    title: 'Documents',
    description: 'Pièces à fournir et attestations',
    intro: '📂 *Documents* : choisissez une question.',
    topics: [
      topic('documents.allocations', 'Dossier allocations', 'Pièces à fournir pour les allocations familiales',
        'Quels documents faut-il fournir pour constituer un dossier d’allocations familiales à la CSS ?'),
      topic('documents.maternite', 'Dossier maternité', 'Pièces pour les indemnités journalières de maternité',
        'Quelles pièces faut-il fournir pour percevoir les indemnités journalières de maternité de la CSS ?'),
      topic('documents.accident', 'Dossier accident', 'Pièces pour un accident du travail',
        'Quels documents sont nécessaires pour déclarer un accident du travail à la CSS ?'),
      topic('documents.attestation', 'Attestation employeur', 'Obtenir une attestation de régularité de cotisations',
        'Comment obtenir une attestation de régularité de paiement des cotisations auprès de la CSS ?'),
    ],
  },
  {
    id: 'pensions',
    title: 'Pensions et rentes',
    description: 'Retraite, rentes d’accident du travail, survivants',
    intro: '🧓 *Pensions et rentes* : choisissez une question.',
    topics: [
      topic('pensions.retraite', 'Ma pension de retraite', 'Qui la verse : la CSS ou l’IPRES',
        'Qui verse la pension de retraite d’un salarié au Sénégal, la CSS ou l’IPRES, et à qui s’adresser ?'),
      topic('pensions.rente', 'Rente d’accident', 'Après un accident du travail ou une maladie professionnelle',
        'Comment obtenir une rente d’incapacité permanente après un accident du travail ou une maladie professionnelle ?'),
      topic('pensions.survivants', 'Rente de survivant', 'Pour la famille d’un travailleur décédé',
        'Quels droits ont le conjoint et les enfants d’un travailleur décédé à la suite d’un accident du travail ?'),
      topic('pensions.paiement', 'Paiement des rentes', 'Quand et comment la rente est payée',
        'Quand et comment la CSS paie-t-elle les rentes d’accident du travail ?'),
      topic('pensions.dossier', 'Suivre mon dossier', 'Où en est ma demande de rente',
        'Comment suivre l’avancement de mon dossier de rente à la CSS ?'),
    ],
  },
];
