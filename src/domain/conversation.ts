import type { MediaKind } from './inbound.js';
import type { Locale } from './locale.js';
import type { OutboundMessage } from './outbound.js';

/**
 * The language between the runtime and a conversation machine.
 * A machine receives `UserEvent`s and emits `ReplyEvent`s; it never does I/O itself.
 */

/** Fields every user event carries: `at` is the message's own time (ms), so machines stay deterministic. */
interface UserEventBase {
  readonly at: number;
  readonly profileName?: string;
}

export type UserEvent =
  | (UserEventBase & { readonly type: 'user.text'; readonly text: string })
  | (UserEventBase & { readonly type: 'user.choice'; readonly id: string; readonly title: string })
  | (UserEventBase & {
      readonly type: 'user.media';
      readonly media: MediaKind;
      readonly caption?: string;
      /** Meta's media id, to fetch the file through the Graph API. */
      readonly mediaId?: string;
      readonly mimeType?: string;
      readonly filename?: string;
    })
  | (UserEventBase & { readonly type: 'user.other'; readonly kind: 'location' | 'contacts' | 'unsupported' });

/** Emitted by a machine (`emit`) for each message the user should receive, in order. */
export interface ReplyEvent {
  readonly type: 'reply';
  readonly message: OutboundMessage;
}

/** Input of a new conversation. */
export interface ConversationInput {
  readonly at: number;
  readonly profileName?: string;
  /** The locale to start in, when the runtime knows it (`npm run chat -- --lang wo`, the check in each locale). */
  readonly locale?: Locale;
  /** Set when this user had an earlier session that ended (idle past the session TTL): a machine may greet them back. */
  readonly returning?: ReturningUser;
}

/** What a new session knows of the user's earlier one. */
export interface ReturningUser {
  /** When the earlier session last heard from the user (ms since epoch). */
  readonly lastSeenAt: number;
  /** What the machine chose to keep across sessions (`MachineDefinition.remember`), e.g. the user's language. */
  readonly remembered: Readonly<Record<string, unknown>>;
}

/**
 * What an agent does in the agents' inbox, as a machine hears it: a reply for the citizen (`agent.message`), or the
 * conversation resolved (`agent.resolved`), handing the citizen back to the bot.
 */
export type AgentEvent = { readonly type: 'agent.message'; readonly text: string } | { readonly type: 'agent.resolved' };

/** Input of the `forwardToAgent` effect: the citizen's messages for the agents, in order. */
export interface AgentForwardInput {
  /** The WhatsApp profile name, shown to agents. */
  readonly name?: string;
  /** The agents' conversation of this handoff, once the first call opened it. */
  readonly conversationId?: number;
  readonly messages: ReadonlyArray<{ readonly id: string; readonly text: string; readonly media?: { readonly mediaId: string; readonly filename?: string } }>;
}

/** Output of `forwardToAgent`: where the messages went, and how many of them (the first `forwarded`). */
export interface AgentForwardOutput {
  readonly conversationId: number;
  readonly forwarded: number;
}
