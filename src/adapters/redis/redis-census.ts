import type { Cluster, Redis } from 'ioredis';
import { countStates } from '../count-states.js';
import type { StateCount, StoredConversation } from '../../ports/conversation-pipeline.js';

/**
 * Counts stored conversations per machine and state by scanning `<prefix>{…}:conv` keys (on every master of a
 * cluster). Read-only and incremental (SCAN), so it never blocks Redis; meant for the flow page, not a hot path.
 */
export async function countConversations(redis: Redis | Cluster, keyPrefix: string): Promise<StateCount[]> {
  const nodes: Redis[] = 'isCluster' in redis && redis.isCluster ? (redis as Cluster).nodes('master') : [redis as Redis];
  const conversations: StoredConversation[] = [];
  for (const node of nodes) {
    for await (const keys of node.scanStream({ match: `${escapeGlob(keyPrefix)}{*}:conv`, count: 1000 }) as AsyncIterable<string[]>) {
      const values = await Promise.all(keys.map((key) => redis.get(key)));
      for (const value of values) {
        try {
          if (value !== null) conversations.push(JSON.parse(value) as StoredConversation);
        } catch {
          // A corrupt snapshot is not a state: it restarts on the next message.
        }
      }
    }
  }
  return countStates(conversations);
}

/** Escapes Redis glob characters in a literal key prefix. */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, '\\$&');
}
