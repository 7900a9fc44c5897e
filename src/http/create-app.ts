import Router from '@koa/router';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import type { InteractionSource } from '../analytics/interaction-store.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { IngestGauge } from '../engine/ingest-gauge.js';
import type { ConversationCensus, Inbox } from '../ports/conversation-pipeline.js';
import { adminRoutes } from './admin/admin-routes.js';
import { healthRoutes } from './health-routes.js';
import { webhookRoutes } from './webhook-routes.js';

export interface AppDeps {
  readonly inbox: Inbox;
  readonly appSecret: string | undefined;
  readonly verifyToken: string | undefined;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Live conversation counts for the flow page (`/admin/flows`). */
  readonly census?: ConversationCensus;
  /** The machines the flow page draws. */
  readonly machines?: Readonly<Record<string, MachineDefinition>>;
  /** `ADMIN_TOKEN`; unset: `/admin` is refused. */
  readonly adminToken?: string | undefined;
  /** Analytics records for `GET /admin/stats`. */
  readonly analytics?: InteractionSource;
  /** Counts webhook deliveries in flight, so that the worker gives way to them. */
  readonly ingest?: IngestGauge;
}

/** Meta sends up to 3 MB; anything above 4 MiB is refused with 413 before it is read whole. */
export const MAX_BODY = '4mb';

/**
 * The Koa app: glue only. Signature, handshake and parsing live in `src/webhook/`; this file wires routes.
 * Never calls `listen()`, so tests drive `app.callback()` or listen on a port of their own.
 *
 * @example
 * const server = createApp(deps).listen(3000);
 */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  app.proxy = true;
  app.silent = true;
  app.on('error', (error: Error) => deps.logger.error({ err: error }, 'unhandled HTTP error'));
  const { ingest } = deps;
  if (ingest) {
    // Counted from before the body is read: a delivery waits for its 200 from its first byte.
    app.use(async (ctx, next) => {
      if (ctx.method !== 'POST' || ctx.path !== '/webhook') return next();
      ingest.enter();
      try {
        await next();
      } finally {
        ingest.leave();
      }
    });
  }
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: MAX_BODY,
      // Meta always sends JSON; parse /webhook bodies whatever content type a proxy left on them.
      detectJSON: (ctx) => ctx.path === '/webhook',
      // Keep the failure for the route: a bad signature must win over bad JSON, and 413 needs no body.
      onerror: (error, ctx) => {
        ctx.state.bodyError = error;
      },
    }),
  );
  const router = new Router();
  webhookRoutes(router, deps);
  healthRoutes(router, deps);
  adminRoutes(router, deps);
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
