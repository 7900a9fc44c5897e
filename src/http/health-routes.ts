import type Router from '@koa/router';
import type { AppDeps } from './create-app.js';

/** A readiness probe must answer quickly even when the store hangs. */
const READY_TIMEOUT_MS = 1000;

/** /healthz (the process runs), /readyz (the store answers), /metrics (Prometheus text). */
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
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
