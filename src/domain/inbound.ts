/**
 * Inbound events: what the webhook parser produces from a Cloud API payload.
 * Nothing past the parser reads `entry[].changes[].value`; everything reads these types.
 */

import type { StatusPricing } from './message-pricing.js';

/**
 * Who wrote, per the contract's "Who a user is": `from_user_id` (Meta's business-scoped id)
 * when present, else `from`. Username-only users may have no phone number at all.
 */
export interface UserRef {
  /** The key conversation state, ordering and rate limits hang on. */
  readonly id: string;
  /** `messages[].from`, digits without `+`; absent for username-only users. */
  readonly phone?: string;
  /** `messages[].from_user_id`, e.g. `SN.1234…`. */
  readonly bsuid?: string;
}

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

/** What a message carries, one case per kind the bot can tell apart. */
export type InboundContent =
  | { readonly type: 'text'; readonly body: string }
  /** A tap: interactive `button_reply` / `list_reply`, or a template quick-reply `button`. */
  | {
      readonly type: 'choice';
      readonly id: string;
      readonly title: string;
      readonly source: 'button_reply' | 'list_reply' | 'button';
    }
  | {
      readonly type: 'media';
      readonly media: MediaKind;
      readonly mediaId: string;
      readonly mimeType?: string;
      readonly caption?: string;
      readonly filename?: string;
    }
  | { readonly type: 'location'; readonly latitude: number; readonly longitude: number; readonly name?: string }
  | { readonly type: 'contacts'; readonly count: number }
  /** A reaction never moves a conversation; `emoji` absent means the reaction was removed. */
  | { readonly type: 'reaction'; readonly messageId: string; readonly emoji?: string }
  /** Meta's `unsupported` type, and any type this version does not know (`originalType` names it). */
  | { readonly type: 'unsupported'; readonly originalType: string };

/** One user message, as delivered in `value.messages[]`. */
export interface InboundMessage {
  /** `messages[].id`: the unit of deduplication. */
  readonly wamid: string;
  readonly user: UserRef;
  /** `metadata.phone_number_id`: which business number received it, and the path id for replies. */
  readonly phoneNumberId: string;
  /** Unix seconds, as Meta stamped it. */
  readonly timestamp: number;
  /** `contacts[].profile.name`, when Meta sent one. */
  readonly profileName?: string;
  /** `context.id`: the wamid of our message that a tap or quote answers. */
  readonly replyTo?: string;
  readonly content: InboundContent;
  /** The webhook delivery that brought it: every log line from webhook to send carries it. */
  readonly traceId?: string;
}

/** One `value.statuses[]` item: what became of a message we sent. */
export interface StatusUpdate {
  readonly wamid: string;
  readonly status: string;
  readonly phoneNumberId: string;
  readonly timestamp: number;
  readonly recipientId?: string;
  readonly errors: ReadonlyArray<{ readonly code: number; readonly title: string }>;
  /** What Meta bills for the message (`pricing`, on `sent` and on one of delivered/read). */
  readonly pricing?: StatusPricing;
}

/**
 * A system message saying the user's phone number or business-scoped id changed (`user_changed_number`,
 * `user_changed_user_id`, legacy `customer_changed_number`). Nobody wrote it: it is never answered, it moves the
 * conversation to the user's new id.
 */
export interface IdentityChange {
  readonly wamid: string;
  readonly phoneNumberId: string;
  /** Unix seconds, as Meta stamped it. */
  readonly timestamp: number;
  /** Ids the conversation may be stored under until now, most likely first (previous BSUID, old number). */
  readonly previousIds: readonly string[];
  /** The user as they are now: replies go to this phone number or id. */
  readonly user: UserRef;
}

/** Everything one webhook POST carried. */
export interface ParsedWebhook {
  readonly messages: InboundMessage[];
  readonly statuses: StatusUpdate[];
  /** Identity changes among the system messages, in delivery order. */
  readonly identityChanges: IdentityChange[];
  /** System messages of every kind (identity changes included): never a user's turn. */
  readonly systemMessages: number;
  /** Entries, changes, messages or statuses of a shape this parser does not know: ignored, counted. */
  readonly unknown: number;
  /** Statuses kept whose `pricing` had a shape Meta does not send: that pricing is ignored, counted apart. */
  readonly unknownPricing?: number;
}
