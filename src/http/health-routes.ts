import type Router from '@koa/router';
import { sameSecret } from './admin/admin-auth.js';
import type { AppDeps } from './create-app.js';

/** A readiness probe must answer quickly even when the store hangs. */
const READY_TIMEOUT_MS = 1000;

/**
 * /healthz (the process runs), /readyz (the store answers), /metrics (Prometheus text; with `METRICS_TOKEN` set,
 * only for `Authorization: Bearer <METRICS_TOKEN>`, as Prometheus' `authorization` scrape setting sends it).
 */
export function healthRoutes(router: Router, deps: AppDeps): void {
  router.get('/healthz', (ctx) => {
    ctx.body = 'ok';
  });

  router.get('/readyz', async (ctx) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('store ping timed out')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([deps.inbox.ping(), timeout]);
      ctx.body = 'ready';
    } catch (error) {
      ctx.status = 503;
      ctx.body = `store unreachable: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  });

  router.get('/metrics', async (ctx) => {
    if (deps.metricsToken !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('authorization'))?.[1];
      if (bearer === undefined || !sameSecret(bearer, deps.metricsToken)) {
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
        ctx.body = 'metrics need Authorization: Bearer <METRICS_TOKEN>';
        return;
      }
    }
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
