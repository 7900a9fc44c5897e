import { truncateText } from '../../domain/safe-text.js';

/** What ends an answer that was cut: said in the user's language, with the way to learn more. */
export const CUT_ANSWER_ENDING = '…\n\n(Réponse abrégée. Pour en savoir plus, posez une question plus précise ou tapez « contact ».)';

/** How far back from the limit a cut looks for the end of a sentence or a word. */
const LOOK_BACK = 400;

/**
 * `answer` if it is at most `maxChars` long; else its start, cut at the last sentence or word end that leaves room
 * for `ending`, followed by `ending`. A faulty CSS API answering megabytes then costs the user a few messages, not
 * hours of them queued ahead of their next question.
 *
 * @example
 * limitAnswer('Un. Deux. Trois.', 12, '…') // 'Un. Deux.…'
 */
export function limitAnswer(answer: string, maxChars: number, ending = CUT_ANSWER_ENDING): string {
  if (answer.length <= maxChars) return answer;
  const head = truncateText(answer, Math.max(0, maxChars - ending.length));
  const tail = head.slice(-LOOK_BACK);
  const sentence = Math.max(tail.lastIndexOf('. '), tail.lastIndexOf('.\n'), tail.lastIndexOf('! '), tail.lastIndexOf('? '));
  const word = tail.search(/\s\S*$/);
  const cut = sentence >= 0 ? sentence + 1 : word > 0 ? word : tail.length;
  return `${head.slice(0, head.length - tail.length + cut).trimEnd()}${ending}`;
}
