/**
 * What the CSS assistant's messages look like in one locale: texts with their buttons, the menu and topic lists
 * (numbered, with a row to go back), answers carrying their buttons, failures with something to tap. The machine
 * decides when each is sent.
 */

import type { ReplyEvent } from '../../src/domain/conversation.js';
import { answerReplies, buttonsFrom, numberedList, say, withButtons } from '../kit/index.js';
import type { LocalizedContent } from './content.js';

/** A button's id: the word (or category id) it stands for, titled from `texts.buttons`. */
export type ButtonId = keyof LocalizedContent['texts']['buttons'];

/** The id of every list's last row, read as "back" (it is a word of `words.back`). */
export const BACK_ID = 'retour';

/** The three buttons of a welcome, a greeting or an answer. */
export const HOME_BUTTONS: readonly ButtonId[] = ['menu', 'aide', 'contact'];

/** The three languages offered, each titled in its own words. */
export const LANGUAGE_BUTTONS: readonly ButtonId[] = ['francais', 'english', 'wolof'];

/** The messages of one locale; see {@link createReplies}. */
export type Replies = ReturnType<typeof createReplies>;

/**
 * The messages for a content in one locale.
 *
 * @example
 * createReplies(localizer(frenchContent)('fr')).answer('Le taux est de 7 %.') // [one buttons message: the answer, Menu, Aide, Contact]
 */
export function createReplies({ texts, categories }: LocalizedContent) {
  const buttons = (ids: readonly ButtonId[]) => buttonsFrom(texts.buttons, ids);
  const home = (body: string): ReplyEvent => withButtons(body, buttons(HOME_BUTTONS));
  return {
    welcome: (name?: string) => home(texts.welcome(name)),
    welcomeBack: (name?: string) => home(texts.welcomeBack(name)),
    greeting: (name?: string) => home(texts.greeting(name)),
    home: home(texts.home),
    smallTalk: (kind: keyof typeof texts.smallTalk) => home(texts.smallTalk[kind]),
    help: withButtons(texts.help, buttons(['menu', 'contact', 'langue'])),
    contact: withButtons(texts.contact, buttons(['agent', 'menu', 'aide'])),
    /** A request for a person with no agents' inbox: the phone number and address instead. */
    noAgentOnline: withButtons(`${texts.agent.unavailable}

${texts.contact}`, buttons(['menu', 'aide'])),
    pension: withButtons(texts.pension, buttons(['pensions', 'contact', 'menu'])),
    languageChoice: withButtons(texts.languageChoice, buttons(LANGUAGE_BUTTONS)),
    languageChosen: home(texts.languageChosen),
    menu: numberedList({
      intro: texts.menu.intro,
      entries: categories,
      back: { id: BACK_ID, ...texts.menu.back },
      howTo: texts.menu.howTo,
      button: texts.menu.button,
      sectionTitle: texts.menu.sectionTitle,
    }),
    /** The topic list of the category `id`, or the menu when no category has that id. */
    category: (id: string) => {
      const category = categories.find((entry) => entry.id === id);
      if (category === undefined) return undefined;
      return numberedList({
        intro: category.intro,
        entries: category.topics,
        back: { id: BACK_ID, ...texts.category.back },
        howTo: texts.category.howTo,
        button: texts.category.button,
        sectionTitle: category.title.slice(0, 24),
      });
    },
    /** An answer; `sayInFrench`: headed by a line saying that the CSS answers in French (once, for other locales). */
    answer: (answer: string, sayInFrench = false) =>
      answerReplies(sayInFrench ? texts.answersInFrench(answer.trim()) : answer, buttons(HOME_BUTTONS), texts.answerFooter),
    noAnswer: withButtons(texts.noAnswer, buttons(['menu', 'contact', 'aide'])),
    failure: (kind: 'down' | 'timeout') => withButtons(texts.failure[kind], buttons(['reessayer', 'menu', 'contact'])),
    /** After two failures in a row: the contact details come to the user, with a way to try once more. */
    failureAgain: withButtons(`${texts.failure.again}\n\n${texts.contact}`, buttons(['reessayer', 'agent', 'menu'])),
    queued: say(texts.queued),
    queueFull: (count: number) => say(texts.queueFull(count)),
    nothingToRetry: home(texts.nothingToRetry),
    cannotRead: home(texts.cannotRead),
    mediaRefused: (reason: 'type' | 'size') => home(texts.mediaRefused[reason]),
    nudge: say(texts.nudge),
    /** A person takes over; `outOfHours`: the agents will read it when they are back. */
    agentComing: (outOfHours: boolean) => say(outOfHours ? texts.agent.outOfHours : texts.agent.coming),
    agentUnreachable: say(texts.agent.unreachable),
    noAgentYet: say(texts.agent.noReplyYet),
    backToBot: say(texts.agent.back),
  };
}
