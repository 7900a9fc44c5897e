/**
 * The bench's yardstick: the least a correct webhook endpoint can do. A bare `node:http` server that reads
 * the body, checks `X-Hub-Signature-256`, stores the body with one Redis `SET` and answers 200. The project's
 * ack throughput is printed as a fraction of this one's, measured in the same run with the same load.
 *
 * Run by `bench/run.ts` as `node dist/bench/baseline-server.js` with PORT, REDIS_URL, KEY_PREFIX and
 * WHATSAPP_APP_SECRET; it prints one JSON line with its port.
 */

import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { signedWebhookServer } from './baselines/signed-webhook-server.js';

const secret = process.env.WHATSAPP_APP_SECRET ?? '';
const prefix = process.env.KEY_PREFIX ?? 'bench:';
// Same client settings as the project's command connection, so the yardstick is a fair one.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true, maxRetriesPerRequest: 2 });

const server = signedWebhookServer(secret, (body, signature, res) => {
  // One key per delivery, named by its signature; it expires on its own even if the bench dies.
  const key = `${prefix}baseline:${signature.slice(7, 39)}`;
  redis.set(key, body, 'EX', 600).then(
    () => res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED'),
    () => res.writeHead(503).end(),
  );
});

server.listen(Number(process.env.PORT ?? 0), () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `baseline listening on http://localhost:${port}`, port })}\n`);
});

process.on('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  redis.quit().finally(() => process.exit(0));
});
