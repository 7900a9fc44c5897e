import { agentActivity } from '../../domain/lane-input.js';
import { WebhookError } from '../../domain/errors.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { AgentLinks } from '../../ports/agent-links.js';
import type { Inbox } from '../../ports/conversation-pipeline.js';
import { decodeJson } from '../decode-json.js';
import { parseChatwootPayload } from './parse-chatwoot.js';
import { verifyChatwoot, type ChatwootProof } from './verify-chatwoot.js';

export interface ChatwootWebhookDeps {
  /** `CHATWOOT_WEBHOOK_SECRET`. */
  readonly secret: string;
  readonly links: AgentLinks;
  readonly inbox: Inbox;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type ChatwootOutcome = 'accepted' | 'duplicate' | 'ignored' | 'unknown_citizen';

/**
 * One Chatwoot delivery: authenticated, read, and the agent's act put into the citizen's lane, durably, before the
 * 200. The act's id (`chatwoot:message:<id>`) makes a second delivery a duplicate, dropped by the lane's dedup.
 * Framework-free: the Koa route only reads the raw body and headers. Rejects with a `WebhookError` (401, 400, 503).
 *
 * @example
 * await receiveChatwoot(deps, rawBody, { signature, timestamp }); // 'accepted'
 */
export async function receiveChatwoot(deps: ChatwootWebhookDeps, rawBody: Buffer, proof: ChatwootProof): Promise<ChatwootOutcome> {
  const { metrics } = deps;
  if (!verifyChatwoot(rawBody, proof, deps.secret)) {
    metrics.chatwootWebhooks.inc({ outcome: 'unauthorized' });
    throw new WebhookError(401, 'Chatwoot signature or token missing, wrong or stale');
  }
  const payload = decodeJson(rawBody);
  if (!payload.ok) {
    metrics.chatwootWebhooks.inc({ outcome: 'invalid' });
    throw new WebhookError(400, `body is not JSON (${payload.reason})`);
  }
  const act = parseChatwootPayload(payload.value);
  const outcome = act ? await deliver(deps, act) : 'ignored';
  metrics.chatwootWebhooks.inc({ outcome });
  return outcome;
}

async function deliver(deps: ChatwootWebhookDeps, act: NonNullable<ReturnType<typeof parseChatwootPayload>>): Promise<ChatwootOutcome> {
  try {
    const to = await deps.links.find(act.sourceId);
    // A contact the bot never forwarded (made by hand in Chatwoot, or linked more than 30 days ago): nobody to reach.
    if (!to) {
      deps.logger.warn({ chatwootConversation: act.conversationId, event: act.event.type }, 'Chatwoot act for a contact the bot does not know: ignored');
      return 'unknown_citizen';
    }
    const { duplicates } = await deps.inbox.accept([agentActivity(to, act.deliveryId, act.conversationId, act.event)]);
    return duplicates > 0 ? 'duplicate' : 'accepted';
  } catch (error) {
    deps.logger.error({ err: error, chatwootConversation: act.conversationId }, 'cannot store a Chatwoot act; answering 503');
    throw new WebhookError(503, 'store unavailable, retry later');
  }
}
