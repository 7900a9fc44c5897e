import { Cluster, Redis } from 'ioredis';
import { createHttpClient } from '../src/adapters/http/create-http-client.js';
import { RedisDeadLetters } from '../src/adapters/redis/redis-dead-letters.js';
import { GraphMessageSender } from '../src/adapters/whatsapp/graph-message-sender.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { DELIVERY_UNKNOWN } from '../src/domain/errors.js';
import { createPseudonymizer } from '../src/observability/pseudonymize.js';

/**
 * `npm run dead-letters` lists the replies that could not be sent; `npm run dead-letters -- replay` sends them
 * again through the Graph API (after fixing the cause: a token, a machine text over a limit…). A reply whose
 * delivery is unknown (the Graph API did not answer in time: the user may already have it) stops the replay,
 * kept, unless `--include-unknown` says to send those too.
 */
async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.redisUrl && !config.redisClusterNodes) {
    process.stderr.write('Dead letters live in Redis: set REDIS_URL (or REDIS_CLUSTER_NODES). The embedded store keeps them in memory only.\n');
    return 1;
  }
  const redis = config.redisClusterNodes ? new Cluster([...config.redisClusterNodes]) : new Redis(config.redisUrl ?? '');
  try {
    const dead = new RedisDeadLetters(redis, config.keyPrefix);
    if (process.argv[2] === 'replay') {
      if (!config.whatsappToken) {
        process.stderr.write('WHATSAPP_TOKEN is not set: nothing can be replayed.\n');
        return 1;
      }
      const timeoutMs = config.whatsappApiTimeoutMs;
      const sender = new GraphMessageSender({
        http: createHttpClient({ baseURL: config.whatsappApiUrl, timeoutMs, headers: { Authorization: `Bearer ${config.whatsappToken}` } }),
        timeoutMs,
      });
      const includeUnknown = process.argv.includes('--include-unknown');
      const result = await dead.replay(async (letter) => {
        if (!includeUnknown && letter.reason.startsWith(DELIVERY_UNKNOWN)) {
          throw new Error(`the next reply may already have reached the user (${letter.reason}); 'npm run dead-letters -- replay --include-unknown' sends it anyway`);
        }
        await sender.send(letter.item.recipient, letter.item.message);
      });
      process.stdout.write(`replayed ${result.replayed}${result.failed ? `; stopped on a failure: ${result.failed}` : ''}\n`);
      return result.failed ? 1 : 0;
    }
    const pseudonym = createPseudonymizer(config.pseudonymKey);
    const letters = await dead.list();
    for (const letter of letters) {
      process.stdout.write(`${new Date(letter.at).toISOString()}  conv:${pseudonym(letter.conversation)}  ${letter.item.state}  ${letter.item.message.type}  ${letter.reason}\n`);
    }
    process.stdout.write(`${letters.length} dead letter(s) shown (newest first). Replay: npm run dead-letters -- replay\n`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? 'Configuration error' : 'Fatal'}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
