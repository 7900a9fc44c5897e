import { WebhookError } from '../domain/errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Inbox } from '../ports/conversation-pipeline.js';
import { parseWebhookPayload } from './parse-payload.js';
import { verifySignature } from './verify-signature.js';

export interface ReceiveWebhookDeps {
  readonly inbox: Inbox;
  /** Unset: signatures are not checked (development only; the server warns at start). */
  readonly appSecret: string | undefined;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** A POST /webhook as the framework-free core sees it. */
export interface WebhookRequest {
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
  /** The parsed JSON, or the reason it could not be parsed. */
  readonly json: { ok: true; value: unknown } | { ok: false };
  /** Carried from here to the sends in every log line (the `X-Request-Id` header when a proxy set one). */
  readonly requestId: string;
}

/**
 * Checks, parses and durably accepts one webhook delivery. Resolves when every message is stored
 * (the caller then answers 200); throws `WebhookError` with the status to answer otherwise.
 * Never waits for the CSS API or for a send: that happens behind the inbox.
 */
export async function receiveWebhook(deps: ReceiveWebhookDeps, request: WebhookRequest): Promise<void> {
  const { metrics, logger } = deps;
  if (deps.appSecret !== undefined && !verifySignature(request.rawBody, request.signature, deps.appSecret)) {
    metrics.webhookRequests.inc({ outcome: 'bad_signature' });
    throw new WebhookError(401, 'invalid or missing X-Hub-Signature-256');
  }
  if (!request.json.ok) {
    metrics.webhookRequests.inc({ outcome: 'bad_json' });
    throw new WebhookError(400, 'body is not valid JSON');
  }
  const parsed = parseWebhookPayload(request.json.value);
  const messages = parsed.messages.map((message) => ({ ...message, traceId: request.requestId }));
  if (parsed.unknown > 0) {
    metrics.unknownShapes.inc(parsed.unknown);
    logger.info({ unknown: parsed.unknown }, 'webhook items of an unknown shape ignored');
  }
  for (const status of parsed.statuses) {
    metrics.statuses.inc({ status: status.status });
    if (status.status === 'failed') {
      logger.warn({ wamid: status.wamid, errors: status.errors }, 'Meta reports a message we sent as failed');
    }
  }
  const failures = parsed.statuses.flatMap((status) =>
    status.status === 'failed' ? status.errors.map((error) => ({ wamid: status.wamid, code: error.code })) : [],
  );
  if (messages.length === 0 && failures.length === 0) {
    metrics.webhookRequests.inc({ outcome: 'accepted' });
    return;
  }
  try {
    // A failed status goes back to its conversation (found by the wamid we sent), like a message.
    await Promise.all(failures.map((failure) => deps.inbox.reportDeliveryFailure(failure.wamid, failure.code)));
    const result = await deps.inbox.accept(messages);
    logger.debug({ requestId: request.requestId, accepted: result.accepted, duplicates: result.duplicates }, 'webhook stored');
    metrics.webhookRequests.inc({ outcome: 'accepted' });
    for (const message of messages) metrics.inboundMessages.inc({ type: message.content.type, delivery: 'received' });
    if (result.duplicates > 0) metrics.inboundMessages.inc({ type: 'any', delivery: 'duplicate' }, result.duplicates);
  } catch (error) {
    metrics.webhookRequests.inc({ outcome: 'store_unavailable' });
    logger.error({ requestId: request.requestId, err: error }, 'cannot store inbound messages; answering 503 so Meta delivers again');
    throw new WebhookError(503, 'store unavailable, retry later');
  }
}
