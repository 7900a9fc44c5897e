import type { AnyStateMachine } from 'xstate';
import type { UserEvent } from './conversation.js';
import type { Messages } from './locale.js';
import type { MessageCeiling } from './message-ceiling.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A conversation machine as the runtime knows it. `version` goes into every stored snapshot: a snapshot of
 * another version is migrated by `migrate` when given, else the conversation starts fresh.
 *
 * @example
 * export const cssAssistant: MachineDefinition = { id: 'css-assistant', version: 1, machine, sampleEvents };
 */
export interface MachineDefinition {
  readonly id: string;
  readonly version: number;
  readonly machine: AnyStateMachine;
  /** One line for diagrams, the flow page and the chat banner. */
  readonly description?: string;
  /**
   * What a user can send, with realistic payloads (texts, taps on every id the machine offers, media): the
   * designers' tools (check, diagrams, path tests) explore the machine with these events.
   */
  readonly sampleEvents?: readonly UserEvent[];
  /**
   * Turns a snapshot persisted by an older `fromVersion` into one this version can restore; returns
   * `undefined` (or throws) when it cannot, and the conversation then restarts with a short notice.
   */
  readonly migrate?: (snapshot: unknown, fromVersion: number) => unknown;
  /** Sent before the welcome when a stored conversation could not be resumed (new version, corrupt data). */
  readonly restartNotice?: string;
  /**
   * Whether analytics may keep what users type (for their retention). Off for forms where users type personal
   * data, such as a registration number.
   */
  readonly recordsQuestions?: boolean;
  /**
   * What of a session's context outlives the session (the user's language, say), handed back to the next session as
   * `input.returning.remembered`. Keep it small and free of personal data; absent, nothing is kept but the date.
   */
  readonly remember?: (context: unknown) => Readonly<Record<string, unknown>>;
  /**
   * The word lists the machine reads whole messages with (commands, small talk): `npm run check` reports a phrase
   * listed under two meanings, one made only of filler words, and one that is a number.
   */
  readonly vocabulary?: Vocabulary;
  /**
   * The machine's messages in every locale (`machines/<id>/locales/*.ftl`): `npm run check` explores the machine in
   * each locale and checks every message (present, within WhatsApp's limits, variables as in the reference).
   */
  readonly messages?: Messages;
  /** Sent once when a user writes faster than the inbound limit allows (`INBOUND_PER_MINUTE`). */
  readonly floodNotice?: string;
  /**
   * How many messages one user message may cost (every message is billed): `npm run check` counts what each
   * transition sends and fails above it. Absent: `DEFAULT_MESSAGE_CEILING`, one message per user message.
   */
  readonly messageCeiling?: MessageCeiling;
  /**
   * States (dotted paths, e.g. `dialog.withAgent`, their children included) where a person, not the machine, holds the
   * conversation: an idle conversation there is kept `AGENT_SESSION_TTL_SECONDS`, not `SESSION_TTL_SECONDS`.
   */
  readonly agentStates?: readonly string[];
}
