import { WebhookError } from '../domain/errors.js';
import type { IdentityChange, InboundMessage } from '../domain/inbound.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Inbox } from '../ports/conversation-pipeline.js';
import type { ConversationMover } from '../ports/conversation-mover.js';
import type { MessageLedger, PricedMessage } from '../ports/message-ledger.js';
import { decodeJson } from './decode-json.js';
import { parseWebhookPayload } from './parse-payload.js';
import { statusLabel } from './status-label.js';
import { verifySignature } from './verify-signature.js';
import { withinDeadline } from './within-deadline.js';

export interface ReceiveWebhookDeps {
  readonly inbox: Inbox;
  /** Unset: signatures are not checked (development only; the server warns at start). */
  readonly appSecret: string | undefined;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Counts signed deliveries waiting for their 200, so that the worker gives way to them (an `IngestGauge`). */
  readonly ingest?: { enter(): void; leave(): void };
  /** Moves a conversation when Meta says its user's number or id changed; absent: such changes are only counted. */
  readonly mover?: ConversationMover;
  /** Counts what Meta says each sent message costs (`statuses[].pricing`); absent: pricing is not counted. */
  readonly messageLedger?: MessageLedger;
  /** A message older than this (Meta's timestamp) is acknowledged and dropped; default: never. */
  readonly maxAgeSeconds?: number;
  /** Time the store has to take the delivery before the answer is 503 (default 2 s). */
  readonly storeTimeoutMs?: number;
  readonly now?: () => number;
}

/** A POST /webhook as the framework-free core sees it. */
export interface WebhookRequest {
  /** The body exactly as received: the signature covers these bytes. */
  readonly rawBody: Buffer;
  /** HMAC-SHA256 of `rawBody` under the app secret, when computed while the body arrived (`signingStream`). */
  readonly rawDigest?: Buffer;
  readonly signature: string | undefined;
  /** Carried from here to the sends in every log line (the `X-Request-Id` header when a proxy set one). */
  readonly requestId: string;
}

const STORE_TIMEOUT_MS = 2000;

/**
 * Checks, parses and durably accepts one webhook delivery. Resolves when every message is stored (the caller then
 * answers 200); throws `WebhookError` with the status to answer otherwise. The signature is checked on the raw
 * bytes before anything is decoded or parsed: a body from someone without the app secret costs one HMAC and no
 * more. Never waits for the CSS API or for a send, and never longer than `storeTimeoutMs` for the store (Meta
 * delivers a 503 again; a message stored just after its deadline is then a duplicate, dropped by its wamid).
 */
export async function receiveWebhook(deps: ReceiveWebhookDeps, request: WebhookRequest): Promise<void> {
  const { metrics } = deps;
  if (deps.appSecret !== undefined && !verifySignature(request.rawBody, request.signature, deps.appSecret, request.rawDigest)) {
    metrics.webhookRequests.inc({ outcome: 'bad_signature' });
    throw new WebhookError(401, 'invalid or missing X-Hub-Signature-256');
  }
  deps.ingest?.enter();
  try {
    await receiveVerified(deps, request);
  } finally {
    deps.ingest?.leave();
  }
}

async function receiveVerified(deps: ReceiveWebhookDeps, request: WebhookRequest): Promise<void> {
  const { metrics, logger } = deps;
  const json = decodeJson(request.rawBody);
  if (!json.ok) {
    metrics.webhookRequests.inc({ outcome: 'bad_json' });
    throw new WebhookError(400, json.reason);
  }
  const parsed = parseWebhookPayload(json.value);
  if (parsed.unknown > 0) {
    metrics.unknownShapes.inc(parsed.unknown);
    logger.info({ unknown: parsed.unknown }, 'webhook items of an unknown shape ignored');
  }
  if (parsed.unknownPricing) {
    metrics.unknownShapes.inc(parsed.unknownPricing);
    logger.info({ unknownPricing: parsed.unknownPricing }, 'status pricing of an unknown shape ignored (the statuses are kept)');
  }
  if (parsed.systemMessages > 0) metrics.inboundMessages.inc({ type: 'system', delivery: 'received' }, parsed.systemMessages);
  for (const status of parsed.statuses) {
    metrics.statuses.inc({ status: statusLabel(status.status) });
    if (status.status === 'failed') {
      logger.warn({ wamid: status.wamid, errors: status.errors }, 'Meta reports a message we sent as failed');
    }
  }
  const isFresh = freshness(deps, request.requestId);
  const messages = parsed.messages.filter(isFresh).map((message) => ({ ...message, traceId: request.requestId }));
  const changes = deps.mover ? parsed.identityChanges.filter(isFresh) : [];
  const failures = parsed.statuses.flatMap((status) =>
    status.status === 'failed' ? status.errors.map((error) => ({ wamid: status.wamid, code: error.code })) : [],
  );
  const priced = parsed.statuses.flatMap((status): PricedMessage[] =>
    status.pricing ? [{ wamid: status.wamid, pricing: status.pricing, at: status.timestamp * 1000 }] : [],
  );
  try {
    await withinDeadline(store(deps, { messages, changes, failures, priced }, request.requestId), deps.storeTimeoutMs ?? STORE_TIMEOUT_MS);
  } catch (error) {
    metrics.webhookRequests.inc({ outcome: 'store_unavailable' });
    logger.error({ requestId: request.requestId, err: error }, 'cannot store inbound messages; answering 503 so Meta delivers again');
    throw new WebhookError(503, 'store unavailable, retry later');
  }
  metrics.webhookRequests.inc({ outcome: 'accepted' });
}

/**
 * Whether a message is recent enough to act on. A signed body replayed after the dedup window has forgotten its
 * wamid, or a year-old one, would otherwise be answered again; Meta itself gives up redelivering long before.
 */
function freshness(deps: ReceiveWebhookDeps, requestId: string): (item: InboundMessage | IdentityChange) => boolean {
  const { maxAgeSeconds } = deps;
  if (maxAgeSeconds === undefined) return () => true;
  const oldest = Math.floor((deps.now ?? Date.now)() / 1000) - maxAgeSeconds;
  return (item) => {
    if (item.timestamp >= oldest) return true;
    const type = 'content' in item ? item.content.type : 'system';
    deps.metrics.inboundMessages.inc({ type, delivery: 'stale' });
    deps.logger.warn({ requestId, wamid: item.wamid, timestamp: item.timestamp, maxAgeSeconds }, 'message older than MESSAGE_MAX_AGE_SECONDS dropped');
    return false;
  };
}

/** What one delivery asks the store to keep. */
interface Delivery {
  readonly messages: readonly InboundMessage[];
  readonly changes: readonly IdentityChange[];
  readonly failures: ReadonlyArray<{ wamid: string; code: number }>;
  /** Statuses with `pricing`: counted once per message, before the 200 (a 503 makes Meta deliver them again). */
  readonly priced: readonly PricedMessage[];
}

/** Identity changes first, so that a message of the same delivery from the new id finds its conversation moved. */
async function store(deps: ReceiveWebhookDeps, { messages, changes, failures, priced }: Delivery, requestId: string): Promise<void> {
  if (deps.messageLedger) {
    const counted = await Promise.all(priced.map((message) => deps.messageLedger?.recordPricing(message)));
    const duplicates = counted.filter((isNew) => isNew === false).length;
    if (priced.length > 0) deps.logger.debug({ requestId, priced: priced.length, duplicates }, 'message pricing counted');
  }
  for (const change of changes) {
    const outcome = await deps.mover?.move(change);
    deps.logger.info({ requestId, wamid: change.wamid, outcome }, 'user changed number or id: conversation moved');
  }
  if (messages.length === 0 && failures.length === 0) return;
  // A failed status goes back to its conversation (found by the wamid we sent), like a message.
  await Promise.all(failures.map((failure) => deps.inbox.reportDeliveryFailure(failure.wamid, failure.code)));
  const result = await deps.inbox.accept(messages);
  deps.logger.debug({ requestId, accepted: result.accepted, duplicates: result.duplicates }, 'webhook stored');
  for (const message of messages) deps.metrics.inboundMessages.inc({ type: message.content.type, delivery: 'received' });
  if (result.duplicates > 0) deps.metrics.inboundMessages.inc({ type: 'any', delivery: 'duplicate' }, result.duplicates);
}
