import type { InboundMessage } from '../domain/inbound.js';
import type { Logger } from '../observability/logger.js';
import type { ReadReceipts } from '../ports/read-receipts.js';

/** WhatsApp hides the indicator after 25 s: renew it a little before. */
const RENEW_MS = 20_000;

export interface TypingTiming {
  /**
   * A turn that ends sooner sends no receipt: its reply is already on the way, and Meta asks to show "typing…" only
   * when a reply is coming. The next slow turn's read mark turns the earlier messages blue too (marking one message
   * read marks every earlier one). 0 marks every message at once.
   */
  readonly delayMs: number;
  readonly renewMs?: number;
}

/**
 * Marks a user's message read and shows "typing…" once the turn has run `delayMs` (a CSS call), renewing the
 * indicator until the returned function is called (the turn's end). Best effort: failures are logged at debug
 * level only.
 *
 * @example
 * const stop = startTyping(receipts, logger, message, { delayMs: 1000 }); try { … } finally { stop(); }
 */
export function startTyping(receipts: ReadReceipts | undefined, logger: Logger, message: InboundMessage, timing: TypingTiming): () => void {
  const kind = message.content.type;
  if (!receipts || kind === 'timer' || kind === 'delivery-failed' || kind === 'reaction') return () => {};
  const mark = () => {
    receipts.markRead(message.phoneNumberId, message.wamid, { typing: true }).catch((error: unknown) => {
      logger.debug({ traceId: message.traceId, err: error }, 'read receipt not sent');
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
