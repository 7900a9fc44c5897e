import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The window failed admin logins are counted over. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * A memory limiter of `attempts` failures per client per 15 minutes, for servers without Redis (and as the
 * fallback of the Redis one while Redis is away).
 *
 * @example
 * const limiter = memoryLoginLimiter(10);
 */
export function memoryLoginLimiter(attempts: number): RateLimiterAbstract {
  return new RateLimiterMemory({ points: attempts, duration: LOGIN_WINDOW_SECONDS, keyPrefix: 'admin-login' });
}

/**
 * The limiter of failed admin logins: shared through Redis by every process when given one (falling back to
 * memory while Redis is away), else in memory.
 *
 * @example
 * loginLimiter({ attempts: config.adminLoginAttempts, keyPrefix: config.keyPrefix, redis })
 */
export function loginLimiter(options: { attempts: number; keyPrefix: string; redis?: Redis | Cluster }): RateLimiterAbstract {
  const memory = memoryLoginLimiter(options.attempts);
  if (!options.redis) return memory;
  return new RateLimiterRedis({
    storeClient: options.redis,
    points: options.attempts,
    duration: LOGIN_WINDOW_SECONDS,
    keyPrefix: `${options.keyPrefix}rl:admin-login`,
    insuranceLimiter: memory,
  });
}

/**
 * Counts failed admin logins (a wrong token in the form or in a bearer header) per client address. Once a client
 * used its attempts, every attempt, right or wrong, is refused until the window has passed: the answer must not
 * tell a guess that happens to be right from a wrong one. ADMIN_TOKEN is long enough not to be guessed; this
 * keeps a script from trying.
 *
 * @example
 * const wait = await throttle.secondsToWait(ctx.ip); // 0: may try
 * if (!auth.acceptsToken(token)) await throttle.failed(ctx.ip);
 */
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /** Seconds before `client` may try again; 0 when it may try now. */
  async secondsToWait(client: string): Promise<number> {
    const record = await this.limiter.get(client);
    if (record === null || record.remainingPoints > 0) return 0;
    return Math.max(1, Math.ceil(record.msBeforeNext / 1000));
  }

  /** Counts one failed attempt of `client`. */
  async failed(client: string): Promise<void> {
    try {
      await this.limiter.consume(client);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
  }
}
