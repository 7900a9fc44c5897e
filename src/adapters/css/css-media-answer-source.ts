/**
 * The production `MediaAnswerSource`: the file is fetched through a `MediaDownloader`, then posted to the CSS
 * API's multimodal endpoints as multipart/form-data with the user's question.
 */

import type { AxiosInstance } from 'axios';
import { AnswerUnavailableError } from '../../domain/errors.js';
import type { AnswerableMedia, MediaQuestion } from '../../domain/media-question.js';
import type { MediaAnswerSource, MediaDownloader, MediaPolicy } from '../../ports/media-answer-source.js';
import { withCallDeadline } from '../http/call-deadline.js';
import { toAnswerUnavailable } from './css-api-error.js';
import { limitAnswer } from './limit-answer.js';

/** WhatsApp's own limit for images; documents are bounded by `maxBytes` alone. */
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Asked when a file comes without a caption (or with a blank one): the CSS API needs a question. */
const DEFAULT_QUESTIONS: Readonly<Record<AnswerableMedia, string>> = {
  image: 'Que pouvez-vous me dire sur cette image ?',
  document: 'Que pouvez-vous me dire sur ce document ?',
};

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** The name the file is posted under: the user's, reduced to a safe base name, else `image.jpg`, `document.pdf`. */
function filenameOf(input: MediaQuestion, mimeType: string): string {
  const given = input.filename?.split(/[\\/]/).pop()?.replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim().slice(-100);
  return given ? given : `${input.media}.${EXTENSIONS[mimeType] ?? 'bin'}`;
}

/** The `answer` of a reply body, when it is a non-blank string. */
function answerOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('answer' in data)) return undefined;
  const answer: unknown = data.answer;
  return typeof answer === 'string' && answer.trim().length > 0 ? answer : undefined;
}

/** Paths and limits of the multimodal endpoints; every field has the documented default. */
export interface CssMediaOptions {
  /** `CSS_API_IMAGE_PATH`, default `/ask-image`. */
  readonly imagePath?: string;
  /** `CSS_API_DOCUMENT_PATH`, default `/ask-document`. */
  readonly documentPath?: string;
  /** `MEDIA_MAX_BYTES`, default 10 MB; images are also capped at WhatsApp's 5 MB. */
  readonly maxBytes?: number;
  /** Time allowed for the whole of one call, download included (`CSS_API_TIMEOUT_MS`); default 30 s. */
  readonly timeoutMs?: number;
  /** Longest answer passed on (`CSS_ANSWER_MAX_CHARS`); a longer one is cut and ends politely. Default: no limit. */
  readonly maxChars?: number;
}

/**
 * Answers about a photo (JPEG or PNG) or a PDF: downloads it (type and size checked first), then
 * `POST {CSS_API_URL}{imagePath|documentPath}` with the fields `file` (name and content type set) and
 * `question`, and resolves the `answer` of a 200 JSON reply. Rejects with the downloader's
 * `MediaRejectedError`, or with `AnswerUnavailableError` when the CSS API fails. One deadline covers the
 * download and the upload, so the machine hears back within `timeoutMs`.
 *
 * @example
 * const media = new CssMediaAnswerSource({ http: css, downloader: new GraphMediaDownloader({ graph, files }) });
 * await media.askAboutMedia({ media: 'document', mediaId: '1234', question: 'Est-ce la bonne attestation ?' });
 */
export class CssMediaAnswerSource implements MediaAnswerSource {
  private readonly paths: Readonly<Record<AnswerableMedia, string>>;
  private readonly policies: Readonly<Record<AnswerableMedia, MediaPolicy>>;
  private readonly timeoutMs: number;
  private readonly maxChars: number | undefined;

  constructor(
    private readonly deps: { readonly http: AxiosInstance; readonly downloader: MediaDownloader },
    options: CssMediaOptions = {},
  ) {
    const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.paths = { image: options.imagePath ?? '/ask-image', document: options.documentPath ?? '/ask-document' };
    this.policies = {
      image: { types: ['image/jpeg', 'image/png'], maxBytes: Math.min(maxBytes, IMAGE_MAX_BYTES) },
      document: { types: ['application/pdf'], maxBytes },
    };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxChars = options.maxChars;
  }

  async askAboutMedia(input: MediaQuestion, options: { signal?: AbortSignal } = {}): Promise<string> {
    // One deadline for the download and the question together.
    const { status, data } = await withCallDeadline(this.timeoutMs, options.signal, async (signal) => {
      const file = await this.deps.downloader.download(input.mediaId, this.policies[input.media], signal ? { signal } : {});
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), filenameOf(input, file.mimeType));
      form.append('question', input.question.trim() || DEFAULT_QUESTIONS[input.media]);
      try {
        return await this.deps.http.post<unknown>(this.paths[input.media], form, { signal });
      } catch (error) {
        throw toAnswerUnavailable(error);
      }
    });
    const answer = answerOf(data);
    if (answer === undefined) {
      throw new AnswerUnavailableError('bad-reply', `CSS API answered HTTP ${status} about the ${input.media} without a non-empty "answer"`, status);
    }
    return this.maxChars === undefined ? answer : limitAnswer(answer, this.maxChars);
  }
}
