/**
 * The machine kit: what every conversation machine needs and none should copy (messages, activity, numbered
 * lists, answers with their buttons). It imports `src/domain` only, so machines stay pure.
 */

export { activityAfter, activityFrom, wordsOf, type ActivityContext } from './activity.js';
export { answerReplies } from './answer-replies.js';
export { numberedList, typedNumber, type ListEntry, type NumberedList } from './lists.js';
export { buttonsFrom, reply, say, withButtons } from './replies.js';
export { guessLocale, LOCALE_CUES, type LocaleCues } from './guess-locale.js';
export { localeAfterFirstMessage, localeFrom, localeOf, rememberLocale, startingLocale, type LocaleContext } from './conversation-locale.js';
export { afterForward, forAgentOf, forwardedOf, forwardInput, handoffFrom, keepFor, MAX_FOR_AGENT, type ForAgent, type Handoff } from './handoff.js';
