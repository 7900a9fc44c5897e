/**
 * The CSS assistant's texts in one locale, read from its messages (`locales/<locale>.ftl`): the same shape for
 * every locale, so replies are built the same way whatever the language. A designer edits the `.ftl` files, not
 * this one; this file only says which message each text is.
 */

import type { Locale, Messages } from '../../src/domain/locale.js';
import { truncateText } from '../../src/domain/safe-text.js';
import { type MenuCategory, mediaQuestions, menuMessageId } from './menu.js';

/** One tappable question of a category, in a locale; `question` is what the CSS API receives (French). */
export interface TopicText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly question: string;
}

/** One menu row in a locale, and the list of topics it opens. */
export interface CategoryText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** First line of the topic list. */
  readonly intro: string;
  readonly topics: readonly TopicText[];
}

/** The value of `$name`: the user's display name kept short, or `anonymous` (the messages then greet without it). */
export const nameArg = (name: string | undefined): string => (name?.trim() ? truncateText(name.trim(), 40) : 'anonymous');

/**
 * The texts of the CSS assistant in `locale`.
 *
 * @example
 * textsIn(messages, 'en').buttons.aide // 'Help'
 */
export function textsIn(messages: Messages, locale: Locale) {
  const t = (id: string, args?: Readonly<Record<string, string | number>>, attribute?: string): string => messages.format(locale, id, args, attribute);
  return {
    welcome: (name?: string): string => t('welcome', { name: nameArg(name) }),
    welcomeBack: (name?: string): string => t('welcome-back', { name: nameArg(name) }),
    greeting: (name?: string): string => t('greeting', { name: nameArg(name) }),
    home: t('home'),
    smallTalk: {
      thanks: t('small-talk-thanks'),
      acknowledgement: t('small-talk-acknowledgement'),
      goodbye: t('small-talk-goodbye'),
      questionMark: t('small-talk-question-mark'),
    },
    help: t('help'),
    contact: t('contact'),
    pension: t('pension'),
    buttons: {
      menu: t('button-menu'),
      aide: t('button-aide'),
      contact: t('button-contact'),
      reessayer: t('button-reessayer'),
      pensions: t('button-pensions'),
      langue: t('button-langue'),
      francais: t('button-francais'),
      english: t('button-english'),
      wolof: t('button-wolof'),
      agent: t('button-agent'),
    },
    /** A person takes over (live agent handoff), and hands back. */
    agent: {
      coming: t('agent-coming'),
      outOfHours: t('agent-out-of-hours'),
      unreachable: t('agent-unreachable'),
      noReplyYet: t('agent-no-reply-yet'),
      back: t('agent-back'),
      unavailable: t('agent-unavailable'),
      /** The first message agents read: what the citizen asked for, and their last question to the bot. */
      request: (said: string, lastQuestion: string | undefined): string =>
        lastQuestion ? `${t('agent-request', { said })}\n${t('agent-request-last-question', { question: lastQuestion })}` : t('agent-request', { said }),
      /** A file the citizen sent while with an agent: its caption, the file itself attached (when it can be fetched). */
      file: (kind: string, caption: string | undefined): string => caption?.trim() || `[${kind}]`,
    },
    languageChoice: t('language-choice'),
    languageChosen: t('language-chosen'),
    answersInFrench: (answer: string): string => t('answers-in-french', { answer }),
    menu: {
      intro: t('menu-intro'),
      howTo: t('menu-how-to'),
      button: t('menu-button'),
      sectionTitle: t('menu-section-title'),
      back: { title: t('menu-back'), description: t('menu-back', {}, 'description') },
    },
    category: {
      howTo: t('category-how-to'),
      button: t('category-button'),
      back: { title: t('category-back'), description: t('category-back', {}, 'description') },
    },
    answerFooter: t('answer-footer'),
    noAnswer: t('no-answer'),
    failure: { down: t('failure-down'), timeout: t('failure-timeout'), again: t('failure-again') },
    queued: t('queued'),
    queueFull: (count: number): string => t('queue-full', { count }),
    nothingToRetry: t('nothing-to-retry'),
    nudge: t('nudge'),
    restartNotice: t('restart-notice'),
    floodNotice: t('flood-notice'),
    cannotRead: t('cannot-read'),
    mediaQuestion: mediaQuestions,
    mediaRefused: { type: t('media-refused-type'), size: t('media-refused-size') },
  };
}

/** The texts of one locale; see {@link textsIn}. */
export type CssAssistantTexts = ReturnType<typeof textsIn>;

/**
 * The menu in `locale`: each category and topic titled from its messages.
 *
 * @example
 * categoriesIn(messages, menu, 'fr')[0]?.title // 'Cotisations'
 */
export function categoriesIn(messages: Messages, menu: readonly MenuCategory[], locale: Locale): CategoryText[] {
  const t = (id: string, attribute?: string): string => messages.format(locale, id, {}, attribute);
  return menu.map((category) => {
    const id = menuMessageId('category', category.id);
    return {
      id: category.id,
      title: t(id),
      description: t(id, 'description'),
      intro: t(id, 'intro'),
      topics: category.topics.map((topic) => {
        const topicId = menuMessageId('topic', topic.id);
        return { id: topic.id, title: t(topicId), description: t(topicId, 'description'), question: topic.question };
      }),
    };
  });
}
