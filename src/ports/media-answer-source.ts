/**
 * Answers about a file a user sent (a photo, a PDF): the file is fetched from WhatsApp and handed to a
 * multimodal answer service (the CSS API in production) with the user's question.
 */

import type { MediaQuestion } from '../domain/media-question.js';

/**
 * Where answers about a file come from. Rejects with `MediaRejectedError` when the file itself cannot be
 * taken (`type`, `size`) or fetched (`download`), and with `AnswerUnavailableError` when the answer service
 * fails; the machine tells the user which.
 *
 * @example
 * const answer = await media.askAboutMedia({ media: 'image', mediaId: '1234', question: 'Que dit ce reçu ?' }, { signal });
 */
export interface MediaAnswerSource {
  askAboutMedia(input: MediaQuestion, options?: { signal?: AbortSignal }): Promise<string>;
}

/** What a file may be to be downloaded: its MIME types (without parameters) and its largest size. */
export interface MediaPolicy {
  readonly types: readonly string[];
  readonly maxBytes: number;
}

/** A downloaded file: its bytes and its MIME type (checked against the policy). */
export interface DownloadedMedia {
  readonly bytes: Buffer;
  readonly mimeType: string;
}

/**
 * Fetches a user's file by media id, refusing what the policy does not allow, before downloading whenever
 * the metadata tells. Rejects with `MediaRejectedError` only.
 *
 * @example
 * const file = await downloader.download('1234', { types: ['application/pdf'], maxBytes: 10_485_760 }, { signal });
 */
export interface MediaDownloader {
  download(mediaId: string, policy: MediaPolicy, options?: { signal?: AbortSignal }): Promise<DownloadedMedia>;
}
