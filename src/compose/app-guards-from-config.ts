import type { Cluster, Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config/config.js';
import { loginLimiter } from '../http/admin/login-throttle.js';
import { ProxyTrust } from '../http/proxy-trust.js';

/** What the Koa app needs to tell outsiders from Meta, our proxies and the operator. */
export interface AppGuards {
  readonly trust: ProxyTrust;
  readonly maxAgeSeconds?: number;
  readonly metricsToken: string | undefined;
  readonly secureCookies: boolean;
  readonly loginLimiter: RateLimiterAbstract;
}

/**
 * The app's guards from the configuration: trusted proxies, the message age limit, the metrics token, Secure
 * cookies in production, and failed admin logins counted in Redis when there is one.
 *
 * @example
 * const guards = appGuardsFromConfig(config, redis); createApp({ ...deps, ...guards });
 */
export function appGuardsFromConfig(config: Config, redis: Redis | Cluster | undefined): AppGuards {
  return {
    trust: new ProxyTrust(config.trustedProxies),
    // Refusing old messages stops replays of Meta-signed bodies; unsigned, anyone can post any message anyway (and
    // the README's curl example keeps its fixed timestamp).
    ...(config.appSecret ? { maxAgeSeconds: config.messageMaxAgeSeconds } : {}),
    metricsToken: config.metricsToken,
    secureCookies: config.nodeEnv === 'production',
    loginLimiter: loginLimiter({ attempts: config.adminLoginAttempts, keyPrefix: config.keyPrefix, ...(redis ? { redis } : {}) }),
  };
}
