/**
 * Tells the user their message was read, optionally with the "typing…" indicator while the answer is prepared
 * (WhatsApp hides the indicator after 25 s or at the next reply). Best effort: a failure never stops a turn.
 *
 * @example
 * await receipts.markRead('1065…', 'wamid.HBgM…', { typing: true });
 */
export interface ReadReceipts {
  markRead(phoneNumberId: string, wamid: string, options: { readonly typing: boolean }): Promise<void>;
}
