/**
 * How many messages one user message may cost. Since 2026-10-01 Meta bills every message a bot sends, so a
 * machine declares its ceiling and `npm run check` fails on a transition above it.
 */

/**
 * A named exception to the ceiling: the user messages that arrive in `state` (and, if given, are `event`) may cost
 * up to `max` messages.
 *
 * @example
 * { name: 'welcome plus an answer', state: 'dialog.welcome', max: 2 }
 */
export interface MessageCeilingException {
  /** What the designer calls it; printed by the check. */
  readonly name: string;
  /** A state path as the check prints it (`dialog.welcome`); it matches that state and every state below it. */
  readonly state: string;
  /** An event type (`user.text`) or one sample event as the check prints it (`user.choice "menu"`); absent: any. */
  readonly event?: string;
  readonly max: number;
}

/**
 * The ceiling of a machine: at most `perUserMessage` messages for one user message (its replies, plus the replies to
 * the outcomes of the effects it starts), except where an exception says more.
 *
 * @example
 * const ceiling: MessageCeiling = { perUserMessage: 1, exceptions: [{ name: 'welcome plus an answer', state: 'dialog.welcome', max: 2 }] };
 */
export interface MessageCeiling {
  readonly perUserMessage: number;
  readonly exceptions?: readonly MessageCeilingException[];
}

/** The ceiling of a machine that declares none: one message per user message. */
export const DEFAULT_MESSAGE_CEILING: MessageCeiling = { perUserMessage: 1 };

/** Whether `path` (a state as the check prints it, parallel regions joined with commas) is in `state` or below. */
function isIn(path: string, state: string): boolean {
  return path.split(',').some((leaf) => leaf === state || leaf.startsWith(`${state}.`));
}

/**
 * The exception covering a user message that arrived in `state`, as `eventType` (described as `event`), if any.
 *
 * @example
 * exceptionFor(ceiling, 'dialog.welcome,question.ready', 'user.text', 'user.text "bonjour"') // the welcome's exception
 */
export function exceptionFor(
  ceiling: MessageCeiling,
  state: string,
  eventType: string,
  event: string,
): MessageCeilingException | undefined {
  return ceiling.exceptions?.find(
    (exception) => isIn(state, exception.state) && (exception.event === undefined || exception.event === eventType || exception.event === event),
  );
}
