/**
 * A question about a file a user sent (a photo, a PDF), as machines ask it of the `askAboutMedia` effect, and the
 * refusal a machine can tell the user about. Machines match the refusal by type (`instanceof`), never by name.
 */

/** The media kinds the CSS can answer about. */
export type AnswerableMedia = 'image' | 'document';

/** A question about one file the user sent. */
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
