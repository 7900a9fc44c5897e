import { CssAnswerSource } from '../adapters/css/css-answer-source.js';
import { defineEffect } from './effect-definition.js';

/** A free-text question to the CSS question-answering API (`POST /ask-question-ultra`). Asking twice is harmless. */
export const askQuestion = defineEffect({
  name: 'askQuestion',
  api: 'css',
  repeatable: true,
  create: ({ http }) => {
    const answers = new CssAnswerSource({ http: http.css });
    return (input: { question: string }, { signal }) => answers.ask(input.question, { signal });
  },
});
