/**
 * The end-to-end yardstick of `npm run bench` (issue 11): the least a WhatsApp question bot can do, with no guarantee
 * at all. It checks the signature, stores the message and marks its id in one pipelined Redis round trip, answers
 * 200, asks the CSS API and sends the answer through the Graph API, on kept-alive connections. No dedup of
 * redeliveries, no order per user, no outbox, no retry, no rate limit, no state machine.
 *
 * Run by `bench/run.ts` as `node dist/bench/baselines/bare-bot.js` with PORT, REDIS_URL, KEY_PREFIX,
 * WHATSAPP_APP_SECRET, CSS_API_URL, WHATSAPP_API_URL and WHATSAPP_TOKEN; it prints one JSON line with its port.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { signedWebhookServer } from './signed-webhook-server.js';

const env = process.env;
const secret = env.WHATSAPP_APP_SECRET ?? '';
const prefix = env.KEY_PREFIX ?? 'bench:';
const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true, maxRetriesPerRequest: 2 });
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const css = new URL(`${env.CSS_API_URL ?? 'http://127.0.0.1:8000'}/ask-question-ultra`);
const graph = env.WHATSAPP_API_URL ?? 'http://127.0.0.1:9000/v25.0';
const token = env.WHATSAPP_TOKEN ?? 'bench-token';

interface Message {
  readonly id: string;
  readonly from: string;
  readonly text?: { readonly body?: string };
}
interface Webhook {
  readonly entry?: ReadonlyArray<{ readonly changes?: ReadonlyArray<{ readonly value?: { readonly metadata?: { readonly phone_number_id?: string }; readonly messages?: readonly Message[] } }> }>;
}

/** POSTs JSON on a kept-alive connection and resolves with the parsed reply. */
function postJson(url: URL, payload: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function answer(phoneNumberId: string, message: Message): Promise<void> {
  const reply = (await postJson(css, { question: message.text?.body ?? '' })) as { answer?: string };
  const send = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.from, type: 'text', text: { body: reply.answer ?? '' } };
  await postJson(new URL(`${graph}/${phoneNumberId}/messages`), send, { authorization: `Bearer ${token}` });
}

const server = signedWebhookServer(secret, (body, _signature, res) => {
  const webhook = JSON.parse(body.toString('utf8')) as Webhook;
  const messages = (webhook.entry ?? []).flatMap((entry) =>
    (entry.changes ?? []).flatMap((change) => (change.value?.messages ?? []).map((message) => ({ number: change.value?.metadata?.phone_number_id ?? '', message }))),
  );
  const stored = redis.multi();
  for (const { message } of messages) {
    stored.set(`${prefix}bare:seen:${message.id}`, '1', 'EX', 600, 'NX').rpush(`${prefix}bare:in:${message.from}`, JSON.stringify(message));
  }
  stored.exec().then(
    () => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED');
      for (const { number, message } of messages) answer(number, message).catch(() => undefined);
    },
    () => res.writeHead(503).end(),
  );
});

server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `bare bot listening on http://127.0.0.1:${port}`, port })}\n`);
});

process.on('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  redis.quit().finally(() => process.exit(0));
});
