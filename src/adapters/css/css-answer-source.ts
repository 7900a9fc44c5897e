/**
 * The production `AnswerSource`: the CSS question-answering API. Every way it can fail becomes an
 * `AnswerUnavailableError` with a reason, so the machine can apologise in French and go on.
 */

import type { AxiosInstance } from 'axios';
import { AnswerUnavailableError } from '../../domain/errors.js';
import type { AnswerSource } from '../../ports/answer-source.js';
import { toAnswerUnavailable } from './css-api-error.js';

const ASK_PATH = '/ask-question-ultra';
/** The `answer` of a reply body, when it is a string; a blank one means the CSS found no answer. */
function answerOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('answer' in data)) return undefined;
  const answer: unknown = data.answer;
  return typeof answer === 'string' ? (answer.trim() === '' ? '' : answer) : undefined;
}

/**
 * Asks `POST {CSS_API_URL}/ask-question-ultra` with `{"question": …}` and resolves the `answer` of
 * the reply. The axios instance it is given carries the base URL and the timeout
 * (`CSS_API_TIMEOUT_MS`); see `createHttpClient`. The question is never put in error messages.
 *
 * @example
 * const answers = new CssAnswerSource({ http: createHttpClient({ baseURL: cssApiUrl, timeoutMs: 30_000 }) });
 * await answers.ask('Comment déclarer un salarié ?'); // 'Pour déclarer un salarié, …'
 */
export class CssAnswerSource implements AnswerSource {
  constructor(private readonly deps: { readonly http: AxiosInstance }) {}

  async ask(question: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    let status: number;
    let data: unknown;
    try {
      ({ status, data } = await this.deps.http.post<unknown>(ASK_PATH, { question }, { signal: options.signal }));
    } catch (error) {
      throw toAnswerUnavailable(error);
    }
    const answer = answerOf(data);
    if (answer === undefined) {
      const shape = typeof data === 'string' ? 'a non-JSON body' : 'JSON without an "answer" string';
      throw new AnswerUnavailableError('bad-reply', `CSS API answered HTTP ${status} with ${shape}`, status);
    }
    return answer;
  }
}
