/**
 * Every French word the pension-status form says. The machine holds the structure (which message,
 * which buttons, when); a designer edits this file alone to change the wording. Limits to respect
 * (checked by the tests): button title ≤ 20, interactive body ≤ 1024, text ≤ 4096.
 */

import { truncateText } from '../../src/domain/safe-text.js';

/** Keeps a user's display name short enough for any body it is put into. */
const greet = (name: string | undefined): string => (name?.trim() ? ` ${truncateText(name.trim(), 40)}` : '');

/**
 * The day of an ISO date as French users write it; `undefined` for anything that is not an ISO date.
 *
 * @example
 * formatDate('2025-03-12T09:30:00Z') // '12/03/2025'
 */
export function formatDate(iso: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : undefined;
}

/** The example shown whenever the expected format is explained. */
const EXAMPLE = '1234567A';

// TO CONFIRM (CSS): contact details (the same as the CSS assistant's).
const CONTACT =
  '📞 Téléphone : +221 33 889 20 20\n' +
  '🌐 Site web : www.secusociale.sn\n' +
  '🏢 Accueil : du lundi au vendredi, de 8 h à 16 h, au siège ou dans votre agence CSS.';

/** The sentences of the form, by the moment they are said. */
export const texts = {
  welcome: (name?: string): string =>
    `Bienvenue${greet(name)} ! 👋 Je suis l'assistant de la Caisse de Sécurité Sociale (CSS) pour le suivi des dossiers.\n\n` +
    'Avec votre numéro d’immatriculation, je vous indique où en est votre dossier de pension ou de prestation.',
  askNumber:
    '🔢 Quel est votre *numéro d’immatriculation* ?\n\n' +
    `Il compte 7 à 10 chiffres, parfois suivis d’une lettre (par exemple *${EXAMPLE}*). ` +
    'Vous le trouverez sur votre carte d’immatriculation ou sur vos courriers de la CSS.',
  invalidNumber:
    '❌ Ce numéro n’a pas le bon format.\n\n' +
    `Un numéro d’immatriculation compte 7 à 10 chiffres, éventuellement suivis d’une lettre : par exemple *${EXAMPLE}*. ` +
    'Les espaces et les tirets sont acceptés.\n\nRenvoyez votre numéro, ou tapez *aide*.',
  tooManyAttempts:
    '😕 Je n’arrive toujours pas à reconnaître ce numéro. Il figure sur votre carte d’immatriculation et sur vos courriers de la CSS.\n\n' +
    `Besoin d’aide ? Tapez *aide*, ou contactez la CSS :\n${CONTACT}\n\nReprenons depuis le début.`,
  confirm: (number: string): string =>
    `Vous avez indiqué le numéro d’immatriculation *${number}*.\n\nEst-ce bien votre numéro ?`,
  status: (number: string, status: string | undefined, updatedAt: string | undefined): string => {
    const date = formatDate(updatedAt);
    const state = status?.trim() ? status.trim().slice(0, 300) : 'enregistré (le détail n’est pas encore disponible)';
    return `📄 *Dossier ${number}*\n\nÉtat : *${state}*` + (date ? `\nDernière mise à jour : ${date}` : '') +
      '\n\nVoulez-vous vérifier un autre dossier ?';
  },
  notFound: (number: string): string =>
    `🔍 Je ne trouve pas de dossier pour le numéro *${number}*.\n\n` +
    'Le numéro contient peut-être une erreur, ou votre dossier n’est pas encore enregistré. ' +
    'Vérifiez-le sur votre carte ou vos courriers de la CSS, puis réessayez.',
  // Never "no file": the CSS could not tell. The number is kept for [Réessayer].
  unavailable: (number: string): string =>
    `😔 Le service de suivi des dossiers de la CSS ne répond pas en ce moment : je ne peux pas consulter le dossier *${number}*.\n\n` +
    `Tapez *réessayer* dans quelques minutes, ou contactez la CSS :\n${CONTACT}`,
  timedOut: (number: string): string =>
    `⏳ La CSS met trop de temps à répondre pour le dossier *${number}*. Tapez *réessayer* pour relancer la recherche.\n\n` +
    `Besoin d’aide ? Contactez la CSS :\n${CONTACT}`,
  cancelled: '↩️ C’est annulé, on recommence.',
  help:
    'ℹ️ *Comment vérifier votre dossier*\n\n' +
    `1. Envoyez votre numéro d’immatriculation : 7 à 10 chiffres, parfois suivis d’une lettre (ex. *${EXAMPLE}*).\n` +
    '2. Confirmez le numéro affiché.\n' +
    '3. Je vous indique l’état de votre dossier.\n\n' +
    'Tapez *annuler* pour recommencer, *aide* pour revoir ce message.\n\n' +
    `Pour toute autre question, contactez la CSS :\n${CONTACT}`,
  textOnly:
    'Je ne peux lire que des messages texte pour l’instant (ni photos, ni documents, ni messages vocaux). ' +
    'Écrivez votre numéro d’immatriculation, ou tapez *aide*.',
  buttons: {
    confirmer: 'Confirmer',
    corriger: 'Corriger',
    nouveau: 'Nouveau numéro',
    reessayer: 'Réessayer',
    aide: 'Aide',
  },
} as const;
