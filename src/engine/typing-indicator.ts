import type { Logger } from '../observability/logger.js';
import type { ReadReceipts } from '../ports/read-receipts.js';

/** WhatsApp hides the indicator after 25 s: renew it a little before. */
const RENEW_MS = 20_000;

export interface TypingTiming {
  /**
   * Work that ends sooner sends no receipt: its reply is already on the way, and Meta asks to show "typing…" only
   * when a reply is coming. The next slow answer's read mark turns the earlier messages blue too (marking one message
   * read marks every earlier one). 0 marks every message at once.
   */
  readonly delayMs: number;
  readonly renewMs?: number;
}

/** The user message to mark read. */
export interface ReadTarget {
  readonly phoneNumberId: string;
  readonly wamid: string;
  readonly traceId?: string;
}

/**
 * Marks a user's message read and shows "typing…" once the work on it (a CSS call) has run `delayMs`, renewing the
 * indicator until the returned function is called (the answer is ready). Best effort: failures are logged at debug
 * level only.
 *
 * @example
 * const stop = startTyping(receipts, logger, { phoneNumberId, wamid }, { delayMs: 1000 }); try { … } finally { stop(); }
 */
export function startTyping(receipts: ReadReceipts | undefined, logger: Logger, target: ReadTarget, timing: TypingTiming): () => void {
  if (!receipts) return () => {};
  const mark = () => {
    receipts.markRead(target.phoneNumberId, target.wamid, { typing: true }).catch((error: unknown) => {
      logger.debug({ traceId: target.traceId, err: error }, 'read receipt not sent');
    });
  };
  let renew: NodeJS.Timeout | undefined;
  const begin = () => {
    mark();
    renew = setInterval(mark, timing.renewMs ?? RENEW_MS);
  };
  const delayed = timing.delayMs > 0 ? setTimeout(begin, timing.delayMs) : (begin(), undefined);
  return () => {
    clearTimeout(delayed);
    clearInterval(renew);
  };
}
