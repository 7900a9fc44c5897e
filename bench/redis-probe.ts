/**
 * What the bench asks the shared Redis: memory, CPU and command counters, the bytes conversations cost, and
 * the deletion of every key under the run's own prefix. SCAN, never KEYS or FLUSHALL: other work uses this
 * Redis at the same time.
 */

import type { Redis } from 'ioredis';

/** What the keys of one kind (`{c}:conv`, `sent`, `rl:inbound`, `analytics`, …) cost per conversation. */
export interface KindBytes {
  readonly keys: number;
  readonly bytesPerConversation: number;
  /** Every key of this kind expires within 5 minutes: it does not stay with an idle conversation. */
  readonly transient: boolean;
}

/** Bytes per conversation: every key under the prefix, by kind, divided by the conversations that made them. */
export interface ConversationBytes {
  readonly conversations: number;
  /** Kinds that stay (conversation keys, dedup marks, indexes, its share of capped streams). */
  readonly bytesPerConversation: number;
  /** Kinds that expire within minutes (rate-limit counters and the like). */
  readonly transientBytesPerConversation: number;
  readonly byKind: Record<string, KindBytes>;
}

/** `{c}:seen:<wamid>` → `{c}:seen`; `rl:inbound:<user>` → `rl:inbound`; `sent:<wamid>` → `sent`. */
function kindOf(key: string, prefix: string): string {
  const rest = key.slice(prefix.length);
  if (rest.startsWith('{')) return `{c}:${rest.slice(rest.indexOf('}') + 2).split(':')[0] ?? ''}`;
  const words: string[] = [];
  for (const part of rest.split(':')) {
    if (!/^[a-z-]+$/.test(part) || words.length === 2) break;
    words.push(part);
  }
  return words.join(':') || '?';
}

function infoField(info: string, field: string): number {
  const match = new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info);
  return match?.[1] ? Number(match[1]) : 0;
}

/**
 * @example
 * const probe = new RedisProbe(new Redis(url));
 * const before = await probe.usedMemory();
 */
export class RedisProbe {
  constructor(private readonly redis: Redis) {}

  async usedMemory(): Promise<number> {
    return infoField(await this.redis.info('memory'), 'used_memory');
  }

  /** CPU seconds (user + system) the Redis server has used since it started. */
  async cpuSeconds(): Promise<number> {
    const info = await this.redis.info('cpu');
    return infoField(info, 'used_cpu_user') + infoField(info, 'used_cpu_sys');
  }

  /**
   * Commands Redis has executed, in all and by command (scripts count with the commands they run), and the
   * socket reads it made, so about the round trips that carried them; since its stats were last reset, all
   * clients (other work included).
   */
  async traffic(): Promise<{ calls: number; reads: number; byCommand: Record<string, number> }> {
    const [commandStats, stats] = await Promise.all([this.redis.info('commandstats'), this.redis.info('stats')]);
    const byCommand: Record<string, number> = {};
    let calls = 0;
    for (const [, command = '?', count] of commandStats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      byCommand[command] = Number(count);
      calls += Number(count);
    }
    return { calls, reads: infoField(stats, 'total_reads_processed'), byCommand };
  }

  /** Every key matching `pattern` (SCAN, in batches). */
  async scan(pattern: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  }

  /**
   * `MEMORY USAGE` (exact, `SAMPLES 0`) and TTL of every key under `prefix`, by kind, divided by the
   * `conversations` that wrote them. Layout-agnostic: kinds come from the key names.
   */
  async bytesPerConversation(prefix: string, conversations: number): Promise<ConversationBytes> {
    const keys = await this.scan(`${prefix}*`);
    const kinds = new Map<string, { keys: number; bytes: number; longestTtlMs: number }>();
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const pipeline = this.redis.pipeline();
      for (const key of batch) pipeline.memory('USAGE', key, 'SAMPLES', 0).pttl(key);
      const replies = (await pipeline.exec()) ?? [];
      batch.forEach((key, j) => {
        const kind = kindOf(key, prefix);
        const entry = kinds.get(kind) ?? { keys: 0, bytes: 0, longestTtlMs: 0 };
        const ttl = Number(replies[2 * j + 1]?.[1] ?? -1);
        entry.keys += 1;
        entry.bytes += Number(replies[2 * j]?.[1] ?? 0);
        // -1: no expiry, so it stays.
        entry.longestTtlMs = ttl < 0 ? Infinity : Math.max(entry.longestTtlMs, ttl);
        kinds.set(kind, entry);
      });
    }
    const byKind: Record<string, KindBytes> = {};
    let lasting = 0;
    let transient = 0;
    for (const [kind, entry] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
      const perConversation = entry.bytes / conversations;
      const isTransient = entry.longestTtlMs <= 300_000;
      byKind[kind] = { keys: entry.keys, bytesPerConversation: Math.round(perConversation), transient: isTransient };
      if (isTransient) transient += perConversation;
      else lasting += perConversation;
    }
    return { conversations, bytesPerConversation: Math.round(lasting), transientBytesPerConversation: Math.round(transient), byKind };
  }

  /** Unlinks every key under `prefix`; returns how many it removed. */
  async deletePrefix(prefix: string): Promise<number> {
    let removed = 0;
    for (let pass = 0; pass < 3; pass += 1) {
      const keys = await this.scan(`${prefix}*`);
      if (keys.length === 0) break;
      for (let i = 0; i < keys.length; i += 1000) removed += await this.redis.unlink(...keys.slice(i, i + 1000));
    }
    return removed;
  }
}
