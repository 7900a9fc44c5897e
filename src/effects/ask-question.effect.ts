import { CssAnswerSource } from '../adapters/css/css-answer-source.js';
import { toWhatsApp } from '../domain/whatsapp-format.js';
import { defineEffect } from './effect-definition.js';

/**
 * A free-text question to the CSS question-answering API (`POST /ask-question-ultra`); its Markdown comes back as
 * WhatsApp formatting. Asking twice is harmless.
 */
export const askQuestion = defineEffect({
  name: 'askQuestion',
  api: 'css',
  repeatable: true,
  create: ({ http, config }) => {
    // Cut to CSS_ANSWER_MAX_CHARS first, then formatted: the polite end is plain text either way.
    const answers = new CssAnswerSource({ http: http.css }, { timeoutMs: config.cssApiTimeoutMs, maxChars: config.cssAnswerMaxChars });
    return async (input: { question: string }, { signal }) => toWhatsApp(await answers.ask(input.question, { signal }));
  },
});
