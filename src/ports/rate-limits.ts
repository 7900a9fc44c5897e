/**
 * Outbound pacing and inbound flood control, shared by every process (Redis) or local (memory).
 *
 * @example
 * await limits.beforeSend('1065…', '221771234567'); // waits while the number or the pair is over its rate
 * const verdict = await limits.admitInbound(conversationKey); // 'ok' | 'first-excess' | 'excess'
 */
export interface RateLimits {
  /** Resolves when one more message may go from this business number to this recipient; never drops. */
  beforeSend(phoneNumberId: string, recipient: string): Promise<void>;
  /**
   * Counts one inbound message of a user: `first-excess` is the first one over the limit in the window (the user
   * is told once to slow down), `excess` the ones after it (dropped quietly).
   */
  admitInbound(conversationKey: string): Promise<'ok' | 'first-excess' | 'excess'>;
}
