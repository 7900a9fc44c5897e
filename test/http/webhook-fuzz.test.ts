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
describe('POST /webhook under fuzzing', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const inbox = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
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
