import type { Cluster, Redis } from 'ioredis';
import type { IdentityChange } from '../../domain/inbound.js';
import { conversationKey } from '../../engine/conversation-key.js';
import type { StoredConversation } from '../../ports/conversation-pipeline.js';
import { ConversationBusyError, type ConversationMover, type MoveOutcome } from '../../ports/conversation-mover.js';
import { conversationKeys, sharedKeys } from './redis-keys.js';

/** KEYS: conversation.  ARGV: the value read. Deletes it only if no turn rewrote it since it was read. */
const DELETE_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisConversationMoverOptions {
  readonly redis: Redis | Cluster;
  readonly keyPrefix: string;
}

/**
 * `ConversationMover` on Redis. The old and the new conversation live in different hash slots, so the move is a few
 * steps rather than one script, each safe to repeat: read the old snapshot (refused while its lease is held),
 * write it under the new id only if that one has none (`SET NX`, same remaining session time), carry its timer
 * over, then delete the old snapshot if no turn rewrote it meanwhile. A crash half-way leaves at worst both
 * copies; Meta's redelivery of the system message, or the session expiry, finishes the job.
 *
 * @example
 * const mover = new RedisConversationMover({ redis, keyPrefix: 'wa:' });
 */
export class RedisConversationMover implements ConversationMover {
  constructor(private readonly options: RedisConversationMoverOptions) {}

  async move(change: IdentityChange): Promise<MoveOutcome> {
    const { redis, keyPrefix } = this.options;
    const { phoneNumberId, user } = change;
    const timers = sharedKeys(keyPrefix).timers;
    const to = conversationKey({ phoneNumberId, user });
    let outcome: MoveOutcome = 'nothing-to-move';
    for (const previous of change.previousIds) {
      const from = conversationKey({ phoneNumberId, user: { id: previous } });
      const keys = conversationKeys(keyPrefix, from);
      const [lease, raw, ttlMs] = await Promise.all([redis.get(keys.lease), redis.get(keys.conversation), redis.pttl(keys.conversation)]);
      if (raw === null || ttlMs <= 0) continue;
      if (lease !== null) throw new ConversationBusyError();
      if (outcome === 'nothing-to-move') {
        const moved: StoredConversation = { ...(JSON.parse(raw) as StoredConversation), contact: { user, phoneNumberId } };
        const written = await redis.set(conversationKeys(keyPrefix, to).conversation, JSON.stringify(moved), 'PX', ttlMs, 'NX');
        outcome = written === 'OK' ? 'moved' : 'kept-newer';
        const dueAt = await redis.zscore(timers, from);
        if (written === 'OK' && dueAt !== null) await redis.zadd(timers, dueAt, to);
      }
      await redis.zrem(timers, from);
      await redis.eval(DELETE_IF_UNCHANGED, 1, keys.conversation, raw);
    }
    return outcome;
  }
}
