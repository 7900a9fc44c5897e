import type { Cluster, Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimits } from '../../ports/rate-limits.js';

export interface RateLimitSettings {
  /** Messages per second per business number (Meta's default throughput is 80). */
  readonly numberPerSecond: number;
  /** Messages to one recipient in a burst, and the window over which that burst is paid back (pair rate). */
  readonly pairBurst: number;
  readonly pairWindowSeconds: number;
  /** Inbound messages per user per minute before the user is asked to slow down. */
  readonly inboundPerMinute: number;
  /** Given: limits shared by every process through this Redis; absent: per-process limits. */
  readonly redis?: Redis | Cluster;
  readonly keyPrefix: string;
}

/**
 * Rate limits on `rate-limiter-flexible` (atomic counters in Redis, or in memory). Sending waits for a free slot
 * instead of dropping: a burst of replies is spread out, never lost.
 */
export class FlexibleRateLimits implements RateLimits {
  private readonly perNumber: RateLimiterAbstract;
  private readonly perPair: RateLimiterAbstract;
  private readonly inbound: RateLimiterAbstract;

  constructor(private readonly settings: RateLimitSettings) {
    const limiter = (name: string, options: IRateLimiterOptions): RateLimiterAbstract =>
      settings.redis
        ? new RateLimiterRedis({ ...options, storeClient: settings.redis, keyPrefix: `${settings.keyPrefix}rl:${name}` })
        : new RateLimiterMemory({ ...options, keyPrefix: name });
    this.perNumber = limiter('number', { points: settings.numberPerSecond, duration: 1 });
    this.perPair = limiter('pair', { points: settings.pairBurst, duration: settings.pairWindowSeconds });
    this.inbound = limiter('inbound', { points: settings.inboundPerMinute, duration: 60 });
  }

  async beforeSend(phoneNumberId: string, recipient: string): Promise<void> {
    await take(this.perPair, `${phoneNumberId}:${recipient}`);
    await take(this.perNumber, phoneNumberId);
  }

  async admitInbound(conversationKey: string): Promise<'ok' | 'first-excess' | 'excess'> {
    try {
      await this.inbound.consume(conversationKey);
      return 'ok';
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rejection.consumedPoints === this.settings.inboundPerMinute + 1 ? 'first-excess' : 'excess';
    }
  }
}

/** Consumes one point, waiting (with a little jitter, so waiting senders do not wake together) while none is left. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<void> {
  for (;;) {
    try {
      await limiter.consume(key);
      return;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await new Promise((resolve) => setTimeout(resolve, rejection.msBeforeNext + Math.random() * 20));
    }
  }
}
