import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createApp } from '../../src/http/create-app.js';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { body, mutate, mutation } from '../builders/arbitrary-payloads.js';
import { metaEscape, signBody } from '../builders/payloads.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const SECRET = 'fuzz-secret';

// Thousands of mutated, correctly signed deliveries against the real Koa app: it never answers 500 and keeps serving.
// And as many hostile ones without a valid signature: every one is 401, and none reaches the store.
describe('POST /webhook under fuzzing', () => {
  let server: Server;
  let url: string;
  let inbox: MemoryPipeline;
  beforeAll(async () => {
    inbox = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const app = createApp({ inbox, appSecret: SECRET, verifyToken: 'v', logger: silentLogger(), metrics: createMetrics() });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (raw: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, SECRET) }, body: raw });

  it('answers 200 or 400 to every signed mutation of a valid payload, never 500', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), async (root, mutations, truncate) => {
        for (const m of mutations) mutate(root, m);
        let raw = metaEscape(JSON.stringify(root));
        if (truncate) raw = raw.slice(0, Math.floor(raw.length / 2));
        const response = await post(raw);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 2000 },
    );
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
  }, 60_000);

  it('answers 401 to every hostile body without a valid signature, and stores nothing of it', async () => {
    const { depth: before } = await inbox.queueStats();
    const hostileBody = fc.oneof(
      body.map((root) => Buffer.from(metaEscape(JSON.stringify(root)))), // a well-formed delivery, not signed by Meta
      fc.nat({ max: 20_000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))), // deep nesting
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)), // any bytes, invalid UTF-8 included
      fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
    );
    const badSignature = fc.oneof(
      fc.constant(undefined),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => `sha256=${Buffer.from(bytes).toString('hex')}`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
    );
    await fc.assert(
      fc.asyncProperty(hostileBody, badSignature, async (raw, signature) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (signature !== undefined) headers['x-hub-signature-256'] = signature;
        const response = await fetch(url, { method: 'POST', headers, body: raw });
        await response.arrayBuffer();
        expect(response.status).toBe(401);
      }),
      { numRuns: 1000 },
    );
    expect((await inbox.queueStats()).depth).toBe(before);
  }, 60_000);

  it('answers 400 to a signed body that is not UTF-8, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), async (bytes) => {
        const raw = Buffer.concat([Buffer.from('{"object":"'), Buffer.from(bytes), Buffer.from([0xff]), Buffer.from('"}')]);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, SECRET) },
          body: raw,
        });
        await response.arrayBuffer();
        expect(response.status).toBe(400);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('answers 200 or 400 to arbitrary signed JSON and text, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (raw) => {
        const response = await post(raw);
        await response.arrayBuffer();
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
