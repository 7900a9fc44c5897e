/**
 * What every conversation keeps about the user's activity, and how one message updates it: one helper for
 * every machine's `recordActivity` action.
 */

import type { UserEvent } from '../../src/domain/conversation.js';

/** The part of a machine's context that `recordActivity` maintains. */
export interface ActivityContext {
  readonly startedAt: number;
  readonly lastActivityAt: number;
  /** User events received in this session, including media and greetings. */
  readonly messageCount: number;
  readonly profileName?: string;
}

/**
 * The activity after one user message: counted, timed by the message's own `at`, and the display name kept
 * up to date.
 *
 * @example
 * recordActivity: assign(({ context, event }) => activityAfter(context, event)),
 */
export function activityAfter(context: ActivityContext, event: UserEvent): Pick<ActivityContext, 'messageCount' | 'lastActivityAt' | 'profileName'> {
  return {
    messageCount: context.messageCount + 1,
    lastActivityAt: event.at,
    profileName: event.profileName ?? context.profileName,
  };
}

/** A new session's activity, from the machine's input. */
export const activityFrom = (input: { readonly at: number; readonly profileName?: string }): ActivityContext => ({
  startedAt: input.at,
  lastActivityAt: input.at,
  messageCount: 0,
  ...(input.profileName === undefined ? {} : { profileName: input.profileName }),
});

/**
 * The words a user event carries, for word lists to read: what was typed, or the id of what was tapped (button
 * and row ids are the words they stand for). Files and locations carry none.
 */
export const wordsOf = (event: UserEvent): string | undefined =>
  event.type === 'user.text' ? event.text : event.type === 'user.choice' ? event.id : undefined;
