/**
 * Answers about a file a user sent (a photo, a PDF): the file is fetched from WhatsApp and handed to a
 * multimodal answer service (the CSS API in production) with the user's question.
 */

/** The media kinds a `MediaAnswerSource` can answer about. */
export type AnswerableMedia = 'image' | 'document';

/** A question about one file the user sent, as the machine asks it. */
export interface MediaQuestion {
  readonly media: AnswerableMedia;
  /** Meta's media id (from the webhook), to fetch the file through the Graph API. */
  readonly mediaId: string;
  /** The MIME type the webhook announced, if any. */
  readonly mimeType?: string;
  /** The document's file name, if any. */
  readonly filename?: string;
  /** What the user asks about the file: the caption, or a default question. */
  readonly question: string;
}

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

/** Why a file was refused: not an accepted type, too big, or it could not be fetched. */
export type MediaRejection = 'type' | 'size' | 'download';

/**
 * A file that was not taken. `type` and `size` are the user's to fix (the machine says what is accepted);
 * `download` is ours (the machine apologises). Messages never carry the token nor the file's URL.
 *
 * @example
 * throw new MediaRejectedError('size', 'media is 6291456 bytes, the limit is 5242880');
 */
export class MediaRejectedError extends Error {
  override readonly name = 'MediaRejectedError';
  constructor(
    readonly reason: MediaRejection,
    message: string,
    /** The HTTP status that made a download fail, when there was one. */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}
