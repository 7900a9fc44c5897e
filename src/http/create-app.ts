import Router from '@koa/router';
import Koa from 'koa';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { InteractionSource } from '../analytics/interaction-store.js';
import type { MessageLedger } from '../ports/message-ledger.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ConversationCensus, Inbox } from '../ports/conversation-pipeline.js';
import type { ConversationMover } from '../ports/conversation-mover.js';
import type { AgentLinks } from '../ports/agent-links.js';
import { adminRoutes } from './admin/admin-routes.js';
import { chatwootRoutes } from './chatwoot-routes.js';
import { healthRoutes } from './health-routes.js';
import { logHttpError } from './log-http-error.js';
import { ProxyTrust } from './proxy-trust.js';
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
  /** Counts the pricing of status webhooks, and the messages of `GET /admin/stats`. */
  readonly messageLedger?: MessageLedger;
  /** `MESSAGE_RATE_XOF`, for the estimated costs of `GET /admin/stats`. */
  readonly messageRateXof?: number | undefined;
  /** Counts signed webhook deliveries waiting for their 200, so that the worker gives way to them (`IngestGauge`). */
  readonly ingest?: { enter(): void; leave(): void };
  /** Moves a conversation when a user's number or id changes (system messages). */
  readonly mover?: ConversationMover;
  /** `MESSAGE_MAX_AGE_SECONDS`: older messages are acknowledged, not acted on. Absent: no age limit. */
  readonly maxAgeSeconds?: number;
  /** Our reverse proxies (`TRUSTED_PROXIES`); absent: nobody's forwarding headers are believed. */
  readonly trust?: ProxyTrust;
  /** `METRICS_TOKEN`: `/metrics` then needs `Authorization: Bearer <token>`. */
  readonly metricsToken?: string | undefined;
  /** Mark the admin session cookie `Secure` even on a plain-HTTP hop (production sits behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Failed admin logins per client (`ADMIN_LOGIN_ATTEMPTS` per 15 minutes); absent: 10, in memory. */
  readonly loginLimiter?: RateLimiterAbstract;
  /** Live agents: `POST /chatwoot/webhook` exists only when Chatwoot is configured. */
  readonly chatwoot?: { readonly secret: string; readonly links: AgentLinks };
}

/**
 * The Koa app: glue only. Signature, handshake and parsing live in `src/webhook/`; this file wires routes.
 * Never calls `listen()`, so tests drive `app.callback()` or listen on a port of their own. No body parser:
 * the webhook reads its raw bytes and parses them only once their signature holds.
 *
 * @example
 * const server = createApp(deps).listen(3000);
 */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // Forwarding headers are read by `ProxyTrust`, per peer, never by Koa for everyone.
  app.proxy = false;
  app.silent = true;
  app.on('error', (error: Error) => logHttpError(deps.logger, error));
  const trust = deps.trust ?? new ProxyTrust([]);
  app.use((ctx, next) => {
    const peer = ctx.req.socket.remoteAddress;
    ctx.request.ip = trust.clientOf(peer, ctx.get('x-forwarded-for') || undefined);
    const encrypted = (ctx.req.socket as { encrypted?: boolean }).encrypted === true;
    ctx.state.https = trust.isHttps(peer, ctx.get('x-forwarded-proto') || undefined, encrypted);
    return next();
  });
  const router = new Router();
  webhookRoutes(router, deps);
  if (deps.chatwoot) chatwootRoutes(router, { ...deps.chatwoot, inbox: deps.inbox, logger: deps.logger, metrics: deps.metrics });
  healthRoutes(router, deps);
  adminRoutes(router, deps);
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}
