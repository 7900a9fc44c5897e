import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { WebhookError } from '../domain/errors.js';
import { answerHandshake } from '../webhook/answer-handshake.js';
import { receiveWebhook, type WebhookRequest } from '../webhook/receive-webhook.js';
import type { AppDeps } from './create-app.js';

interface BodyError {
  status?: number;
  /** co-body keeps the unparsed text on JSON syntax errors. */
  body?: unknown;
}

/** GET /webhook (Meta's verification handshake) and POST /webhook (deliveries), mapped to status codes. */
export function webhookRoutes(router: Router, deps: AppDeps): void {
  router.get('/webhook', (ctx) => {
    const answer = answerHandshake(ctx.query, deps.verifyToken);
    ctx.status = answer.status;
    ctx.type = 'text/plain';
    ctx.body = answer.status === 200 ? answer.body : 'Forbidden';
  });

  router.post('/webhook', async (ctx) => {
    const bodyError = ctx.state.bodyError as BodyError | undefined;
    if (bodyError?.status === 413) {
      deps.metrics.webhookRequests.inc({ outcome: 'too_large' });
      ctx.status = 413;
      ctx.body = 'Payload Too Large';
      return;
    }
    const rawText = ctx.request.rawBody ?? (typeof bodyError?.body === 'string' ? bodyError.body : '');
    const request: WebhookRequest = {
      rawBody: Buffer.from(rawText, 'utf8'),
      signature: ctx.get('x-hub-signature-256') || undefined,
      requestId: ctx.get('x-request-id') || randomUUID(),
      json: bodyError || rawText.trim() === '' ? { ok: false } : { ok: true, value: ctx.request.body },
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
