import type Router from '@koa/router';
import { WebhookError } from '../domain/errors.js';
import { receiveChatwoot, type ChatwootWebhookDeps } from '../webhook/chatwoot/receive-chatwoot.js';
import { BodyReadError, readRawBody } from './read-raw-body.js';

/** Chatwoot's payloads are small (a message and its conversation); a bigger body is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /chatwoot/webhook: the agents' inbox (Chatwoot) tells the bot what agents do. Glue only: the body's bytes and
 * the proof headers (or `?token=`) go to `receiveChatwoot`, errors become status codes.
 */
export function chatwootRoutes(router: Router, deps: ChatwootWebhookDeps): void {
  router.post('/chatwoot/webhook', async (ctx) => {
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(ctx.req, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyReadError)) throw error;
      ctx.status = error.kind === 'too-large' ? 413 : 400;
      ctx.body = error.message;
      return;
    }
    const token = typeof ctx.query['token'] === 'string' ? ctx.query['token'] : ctx.get('x-chatwoot-token') || undefined;
    const signature = ctx.get('x-chatwoot-signature') || undefined;
    const timestamp = ctx.get('x-chatwoot-timestamp') || undefined;
    try {
      const outcome = await receiveChatwoot(deps, rawBody, {
        ...(signature === undefined ? {} : { signature }),
        ...(timestamp === undefined ? {} : { timestamp }),
        ...(token === undefined ? {} : { token }),
      });
      ctx.status = 200;
      ctx.body = { outcome };
    } catch (error) {
      if (!(error instanceof WebhookError)) throw error;
      ctx.status = error.status;
      ctx.body = error.message;
    }
  });
}
