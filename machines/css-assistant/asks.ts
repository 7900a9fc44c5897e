/**
 * What the CSS assistant asks the CSS: a typed question, a topic's question, or a question about a file the
 * user sent. One value for all three, so the queue, the retry and the failures treat them alike.
 */

import type { MediaQuestion } from '../../src/domain/media-question.js';

/** One question for the CSS, as kept in context until it is answered (and after, to retry it). */
export type Ask = { readonly kind: 'text'; readonly question: string } | { readonly kind: 'media'; readonly file: MediaQuestion };

/** The input of `askQuestion` for an ask (a media ask never reaches it). */
export const questionInput = (ask: Ask | undefined): { question: string } => ({ question: ask?.kind === 'text' ? ask.question : '' });

/** The input of `askAboutMedia` for an ask (a text ask never reaches it). */
export const mediaInput = (ask: Ask | undefined): MediaQuestion =>
  ask?.kind === 'media' ? ask.file : { media: 'image', mediaId: '', question: '' };
