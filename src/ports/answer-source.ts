/**
 * Where answers to free-text questions come from (the CSS question-answering API in production).
 * Rejects with `AnswerUnavailableError` when no answer can be had; the machine turns that into
 * a friendly message.
 *
 * @example
 * const answer = await answers.ask('Comment calculer ma pension ?', { signal });
 */
export interface AnswerSource {
  ask(question: string, options?: { signal?: AbortSignal }): Promise<string>;
}
