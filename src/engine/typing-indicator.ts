import type { InboundMessage } from '../domain/inbound.js';
import type { Logger } from '../observability/logger.js';
import type { ReadReceipts } from '../ports/read-receipts.js';

/** WhatsApp hides the indicator after 25 s: renew it a little before. */
const RENEW_MS = 20_000;

/**
 * Marks a user's message read and shows "typing…" until the returned function is called (the turn's end),
 * renewing the indicator during a long CSS call. Best effort: failures are logged at debug level only.
 *
 * @example
 * const stop = startTyping(receipts, logger, message); try { … } finally { stop(); }
 */
export function startTyping(
  receipts: ReadReceipts | undefined,
  logger: Logger,
  message: InboundMessage,
  renewMs = RENEW_MS,
): () => void {
  const kind = message.content.type;
  if (!receipts || kind === 'timer' || kind === 'delivery-failed' || kind === 'reaction') return () => {};
  const mark = () => {
    receipts.markRead(message.phoneNumberId, message.wamid, { typing: true }).catch((error: unknown) => {
      logger.debug({ traceId: message.traceId, err: error }, 'read receipt not sent');
    });
  };
  mark();
  const timer = setInterval(mark, renewMs);
  return () => clearInterval(timer);
}
