import { Cluster, Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

/**
 * Two connections: one for commands, one for the blocking read of the work stream (a blocking command would
 * stall every command queued behind it on a shared connection). Connection errors go to the JSON log, at most
 * once every few seconds per client, instead of ioredis's raw "Unhandled error event" on stderr.
 */
export function connectRedis(config: Config, logger: Logger): { redis: Redis | Cluster; blockingRedis: Redis | Cluster } {
  // Fail a command after two reconnect attempts, so a webhook answers 503 quickly while Redis is down. The name shows
  // in CLIENT LIST, so an operator (or the bench) tells this bot's connections from others on a shared Redis.
  const connectionName = `wa-${config.keyPrefix.replace(/[^\w.:-]/g, '')}`;
  const commandOptions = { maxRetriesPerRequest: 2, connectionName };
  let clients: { redis: Redis | Cluster; blockingRedis: Redis | Cluster };
  if (config.redisClusterNodes) {
    const nodes = [...config.redisClusterNodes];
    clients = {
      // No auto-pipelining on a cluster: ioredis 6 groups custom (Lua) commands by their first argument, not
      // their key, and would batch scripts of different slots together (redis/ioredis#2109).
      redis: new Cluster(nodes, { redisOptions: commandOptions }),
      blockingRedis: new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: null, connectionName } }),
    };
  } else {
    const url = config.redisUrl ?? '';
    clients = {
      redis: new Redis(url, { enableAutoPipelining: true, ...commandOptions }),
      blockingRedis: new Redis(url, { maxRetriesPerRequest: null, connectionName }),
    };
  }
  for (const [name, client] of Object.entries(clients)) {
    let last = 0;
    client.on('error', (error: Error) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      logger.warn({ client: name, err: error }, 'Redis connection error (ioredis reconnects by itself)');
    });
  }
  return clients;
}
