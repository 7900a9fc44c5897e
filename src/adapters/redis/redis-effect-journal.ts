import type { Cluster, Redis } from 'ioredis';
import { conversationKey } from '../../domain/conversation-key.js';
import type { EffectCall, EffectOutcome } from '../../domain/effect-call.js';
import { effectSettled } from '../../domain/lane-input.js';
import type { Inbox } from '../../ports/conversation-pipeline.js';
import type { EffectJournal } from '../../ports/effect-journal.js';
import { conversationKeys, sharedKeys } from './redis-keys.js';
import type { RedisScripts } from './redis-scripts.js';

export interface RedisEffectJournalOptions {
  readonly redis: Redis | Cluster;
  readonly scripts: RedisScripts;
  readonly keyPrefix: string;
  readonly dedupWindowSeconds: number;
  /** The pipeline's inbox: on a cluster an outcome enters its lane the way any input does. */
  readonly inbox: Inbox;
}

/**
 * Effect calls on Redis: `{fx}:calls` holds each running call, `{fx}:due` until when its runner owns it. Turns record
 * calls in their commit; runners settle them here; calls whose runner died are claimed again by any process.
 */
export class RedisEffectJournal implements EffectJournal {
  private readonly keys: ReturnType<typeof sharedKeys>;

  constructor(private readonly options: RedisEffectJournalOptions) {
    this.keys = sharedKeys(options.keyPrefix);
  }

  async claimOverdue(now: number, max: number, leaseMs: number): Promise<EffectCall[]> {
    const { effectsDue, effectCalls } = this.keys;
    const raw = (await this.options.scripts.claimEffects([effectsDue, effectCalls], [now, max, now + leaseMs])) as string[];
    return raw.map((call) => JSON.parse(call) as EffectCall);
  }

  async renew(callIds: readonly string[], until: number): Promise<void> {
    if (callIds.length === 0) return;
    // One command for every call in hand; XX: a call settled meanwhile is not added back.
    await this.options.redis.zadd(this.keys.effectsDue, 'XX', ...callIds.flatMap((id) => [until, id]));
  }

  async settle(call: EffectCall, outcome: EffectOutcome): Promise<void> {
    const { redis, scripts, keyPrefix, dedupWindowSeconds, inbox } = this.options;
    const { effectsDue, effectCalls, ready } = this.keys;
    const input = effectSettled(call.conversation, call, outcome);
    if (redis.isCluster) {
      // Two slots: the outcome first, then the call is forgotten; a crash in between runs the call again, and its
      // second outcome is a duplicate of the first (same id), dropped by the inbox.
      await inbox.accept([input]);
      await scripts.forgetEffect([effectsDue, effectCalls], [call.callId]);
      return;
    }
    const key = conversationKey(call.conversation);
    const keys = conversationKeys(keyPrefix, key);
    await scripts.settleEffect(
      [keys.inbox, keys.seen(input.wamid), ready, effectsDue, effectCalls],
      [dedupWindowSeconds, JSON.stringify(input), key, call.callId],
    );
  }
}
