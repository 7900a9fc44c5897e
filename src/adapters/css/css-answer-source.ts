/**
 * The production `AnswerSource`: the CSS question-answering API. Every way it can fail becomes an
 * `AnswerUnavailableError` with a reason, so the machine can apologise in French and go on.
 */

import type { AxiosInstance } from 'axios';
import { AnswerUnavailableError } from '../../domain/errors.js';
import type { AnswerSource } from '../../ports/answer-source.js';
import { withCallDeadline } from '../http/call-deadline.js';
import { toAnswerUnavailable } from './css-api-error.js';
import { limitAnswer } from './limit-answer.js';

const ASK_PATH = '/ask-question-ultra';
/** The `answer` of a reply body, when it is a string; a blank one means the CSS found no answer. */
function answerOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('answer' in data)) return undefined;
  const answer: unknown = data.answer;
  return typeof answer === 'string' ? (answer.trim() === '' ? '' : answer) : undefined;
}

/** Limits of one question; both default to none, as the CSS client is built with them in the server. */
export interface CssAnswerOptions {
  /** Time allowed for the whole call, answer received included (`CSS_API_TIMEOUT_MS`). */
  readonly timeoutMs?: number;
  /** Longest answer passed on (`CSS_ANSWER_MAX_CHARS`); a longer one is cut and ends politely. */
  readonly maxChars?: number;
}

/**
 * Asks `POST {CSS_API_URL}/ask-question-ultra` with `{"question": …}` and resolves the `answer` of
 * the reply. The axios instance it is given carries the base URL; `timeoutMs` bounds the whole call, so
 * a CSS API that trickles its answer ends as a timeout the machine apologises for, and `maxChars` the
 * answer. The question is never put in error messages.
 *
 * @example
 * const answers = new CssAnswerSource({ http: createHttpClient({ baseURL: cssApiUrl, timeoutMs: 30_000 }) }, { timeoutMs: 30_000, maxChars: 11_000 });
 * await answers.ask('Comment déclarer un salarié ?'); // 'Pour déclarer un salarié, …'
 */
export class CssAnswerSource implements AnswerSource {
  constructor(
    private readonly deps: { readonly http: AxiosInstance },
    private readonly options: CssAnswerOptions = {},
  ) {}

  async ask(question: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    let status: number;
    let data: unknown;
    try {
      ({ status, data } = await withCallDeadline(this.options.timeoutMs, options.signal, (signal) =>
        this.deps.http.post<unknown>(ASK_PATH, { question }, { signal }),
      ));
    } catch (error) {
      throw toAnswerUnavailable(error);
    }
    const answer = answerOf(data);
    if (answer === undefined) {
      const shape = typeof data === 'string' ? 'a non-JSON body' : 'JSON without an "answer" string';
      throw new AnswerUnavailableError('bad-reply', `CSS API answered HTTP ${status} with ${shape}`, status);
    }
    return this.options.maxChars === undefined ? answer : limitAnswer(answer, this.options.maxChars);
  }
}
