import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { computeStats } from '../../analytics/compute-stats.js';
import type { InteractionSource } from '../../analytics/interaction-store.js';
import { lastDays, messageStats } from '../../analytics/message-stats.js';
import type { MessageLedger } from '../../ports/message-ledger.js';
import type { AdminDeps } from './admin-routes.js';

declare module './admin-routes.js' {
  interface AdminDeps {
    /** Analytics records for `GET /admin/stats`; unset: it answers 503. */
    readonly analytics?: InteractionSource | undefined;
    /** Messages sent and priced, for `messages` in `GET /admin/stats`; unset: `messages` is `null`. */
    readonly messageLedger?: MessageLedger | undefined;
    /** `MESSAGE_RATE_XOF`: the price of a billed message, for the estimated costs; unset: none. */
    readonly messageRateXof?: number | undefined;
  }
}

/** Records read per request: the newest this many within the retention (bounded work for an admin page). */
export const STATS_SAMPLE = 10_000;
/** Days of messages shown, today (UTC) last. */
export const MESSAGE_DAYS = 30;

/**
 * `GET /admin/stats`, JSON: `computeStats` of the newest `STATS_SAMPLE` analytics records (interactions per hour
 * over the last 24 h, CSS latency p50/p95, errors by kind, the 10 most asked questions) plus the live
 * conversations per machine and state from the census (`null` when the store does not answer), and `messages`: the
 * messages sent per day and per conversation over the last 30 days, with their estimated cost when
 * `MESSAGE_RATE_XOF` is set (`messageStats`; `null` when the ledger does not answer). Mounted by
 * `adminRoutes` behind its own `signedIn` guard, so the ADMIN_TOKEN rules are those of `/admin/flows`; without
 * ADMIN_TOKEN the admin catch-all answers 403.
 *
 * @example
 * statsRoutes(router, signedIn('data'), deps); // inside adminRoutes
 * // curl -H "Authorization: Bearer $ADMIN_TOKEN" https://bot.example/admin/stats
 */
export function statsRoutes(router: Router, guard: Middleware, deps: AdminDeps, sample = STATS_SAMPLE): void {
  router.get('/admin/stats', guard, async (ctx) => {
    const now = (deps.now ?? Date.now)();
    if (!deps.analytics) {
      ctx.status = 503;
      ctx.body = { error: 'no analytics configured' };
      return;
    }
    const [records, conversationsPerState, messageDays] = await Promise.all([
      deps.analytics.recent(sample).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'stats: cannot read the analytics records');
        return undefined;
      }),
      deps.census?.countByState().catch((error: unknown) => {
        deps.logger.error({ err: error }, 'stats: cannot count conversations');
        return null;
      }) ?? null,
      deps.messageLedger?.days(lastDays(now, MESSAGE_DAYS)).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'stats: cannot read the message ledger');
        return null;
      }) ?? null,
    ]);
    if (records === undefined) {
      ctx.status = 503;
      ctx.body = { error: 'the analytics store does not answer' };
      return;
    }
    ctx.body = {
      generatedAt: new Date(now).toISOString(),
      ...computeStats(records, { now, limit: sample }),
      conversationsPerState,
      messages: messageDays === null ? null : messageStats(messageDays, deps.messageRateXof),
    };
  });
}
