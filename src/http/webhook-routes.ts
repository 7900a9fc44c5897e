import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { WebhookError } from '../domain/errors.js';
import { answerHandshake } from '../webhook/answer-handshake.js';
import { receiveWebhook, type WebhookRequest } from '../webhook/receive-webhook.js';
import { signingStream } from '../webhook/verify-signature.js';
import type { AppDeps } from './create-app.js';
import { BodyReadError, readRawBody } from './read-raw-body.js';

/** Meta sends up to 3 MB; anything above 4 MiB is refused with 413 before it is read whole. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A proxy's request id is kept when it looks like one; anything else is replaced, not logged as given. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** GET /webhook (Meta's verification handshake) and POST /webhook (deliveries), mapped to status codes. */
export function webhookRoutes(router: Router, deps: AppDeps): void {
  router.get('/webhook', (ctx) => {
    const answer = answerHandshake(ctx.query, deps.verifyToken);
    ctx.status = answer.status;
    ctx.type = 'text/plain';
    ctx.body = answer.status === 200 ? answer.body : 'Forbidden';
  });

  router.post('/webhook', async (ctx) => {
    let rawBody: Buffer;
    // Hashed as it arrives: a 4 MiB body is many short hashes between other requests, not one long one after.
    const signing = deps.appSecret === undefined ? undefined : signingStream(deps.appSecret);
    if (signing) ctx.req.on('data', (chunk: Buffer) => signing.update(chunk));
    try {
      rawBody = await readRawBody(ctx.req, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyReadError)) throw error;
      if (error.kind === 'too-large') {
        deps.metrics.webhookRequests.inc({ outcome: 'too_large' });
        // The rest of the body is not read: the connection cannot be reused.
        ctx.set('Connection', 'close');
        ctx.status = 413;
        ctx.body = 'Payload Too Large';
        return;
      }
      deps.logger.debug({ reason: error.message }, 'webhook body not received whole');
      ctx.status = 400;
      ctx.body = error.message;
      return;
    }
    const given = ctx.get('x-request-id');
    const request: WebhookRequest = {
      rawBody,
      ...(signing ? { rawDigest: signing.digest() } : {}),
      signature: ctx.get('x-hub-signature-256') || undefined,
      requestId: REQUEST_ID.test(given) ? given : randomUUID(),
    };
    try {
      await receiveWebhook(deps, request);
      ctx.status = 200;
      ctx.body = 'EVENT_RECEIVED';
    } catch (error) {
      if (!(error instanceof WebhookError)) throw error;
      ctx.status = error.status;
      ctx.body = error.message;
    }
  });
}
