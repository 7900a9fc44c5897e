/**
 * Outbound messages: what a machine emits and a sender delivers. Plain data, so a machine stays pure
 * and a test can read what the user would see. The Cloud API limits are in `whatsapp-limits.ts`.
 */

export interface ReplyButton {
  readonly id: string;
  readonly title: string;
}

export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface ListSection {
  readonly title?: string;
  readonly rows: readonly ListRow[];
}

export type OutboundMessage =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'buttons';
      readonly body: string;
      readonly buttons: readonly ReplyButton[];
      readonly header?: string;
      readonly footer?: string;
    }
  | {
      readonly type: 'list';
      readonly body: string;
      /** Label of the button that opens the list. */
      readonly button: string;
      readonly sections: readonly ListSection[];
      readonly header?: string;
      readonly footer?: string;
    };

/**
 * Where a reply goes: `to` (a phone number) when the inbound message carried one,
 * else `recipient` (the business-scoped user id), per the contract.
 */
export interface Recipient {
  readonly phoneNumberId: string;
  readonly to?: string;
  readonly userId?: string;
}
