/**
 * Pure readers of the files a user sends, used by the CSS assistant's guards and actions: which files the
 * CSS can answer about, and which failures the user can fix. Kept apart from the chart, like the reading of texts (`reading.ts`).
 */

import type { UserEvent } from '../../src/domain/conversation.js';
import { type MediaQuestion, MediaRejectedError } from '../../src/domain/media-question.js';
import { mediaQuestions } from './menu.js';

/** A question about a file the user sent, as `askAboutMedia` receives it. */
export type MediaQuestionInput = MediaQuestion;

/** Whether a document is announced as a PDF: by its MIME type, or by its name when no type is given. */
const isPdf = (mimeType: string | undefined, filename: string | undefined): boolean =>
  mimeType ? mimeType.split(';')[0]?.trim().toLowerCase() === 'application/pdf' : /\.pdf$/i.test(filename ?? '');

/**
 * The question to ask the CSS about a photo or a PDF the user sent, or `undefined` for anything else
 * (audio, video, sticker, another kind of document, a file without a media id).
 *
 * @example
 * mediaQuestionOf({ type: 'user.media', media: 'image', mediaId: '42', caption: 'Ce reçu est-il valable ?', at: 0 });
 * // { media: 'image', mediaId: '42', question: 'Ce reçu est-il valable ?' }
 * mediaQuestionOf({ type: 'user.media', media: 'audio', mediaId: '43', at: 0 }); // undefined
 */
export function mediaQuestionOf(event: UserEvent, questions: Readonly<Record<'image' | 'document', string>> = mediaQuestions): MediaQuestionInput | undefined {
  if (event.type !== 'user.media' || !event.mediaId) return undefined;
  const { media, mediaId, mimeType, filename } = event;
  if (media !== 'image' && !(media === 'document' && isPdf(mimeType, filename))) return undefined;
  return {
    media,
    mediaId,
    question: event.caption?.trim() || questions[media],
    ...(mimeType ? { mimeType } : {}),
    ...(filename ? { filename } : {}),
  };
}

/**
 * Why a file was refused, when the user can act on it: a `MediaRejectedError` for a wrong type or a file too
 * big. A failed download or a CSS outage gives `undefined` (the usual apology).
 *
 * @example
 * refusalOf(new MediaRejectedError('size', 'too big')); // 'size'
 */
export function refusalOf(error: unknown): 'type' | 'size' | undefined {
  if (!(error instanceof MediaRejectedError)) return undefined;
  return error.reason === 'type' || error.reason === 'size' ? error.reason : undefined;
}
