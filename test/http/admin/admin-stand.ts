import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultMachineId, machines } from '../../../machines/index.js';
import { MemoryPipeline } from '../../../src/adapters/memory/memory-pipeline.js';
import { DryRunMessageSender } from '../../../src/adapters/whatsapp/dry-run-message-sender.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { ConversationWorker } from '../../../src/engine/conversation-worker.js';
import { createApp } from '../../../src/http/create-app.js';
import { silentLogger } from '../../../src/observability/logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createPseudonymizer } from '../../../src/observability/pseudonymize.js';
import type { ConversationCensus } from '../../../src/ports/conversation-pipeline.js';
import { signBody, toWire, type WebhookBody } from '../../builders/payloads.js';
import { withoutEffects } from '../../support/no-effects.js';

/** The admin token of these tests (ADMIN_TOKEN needs 16 characters or more). */
export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const APP_SECRET = 'admin-test-app-secret';

/** Without `adminToken`, the admin pages are off, as on a server without ADMIN_TOKEN. */
export interface AdminStandOptions {
  readonly adminToken?: string;
  /** Defaults to the stand's own memory pipeline. */
  readonly census?: ConversationCensus;
  readonly machines?: Readonly<Record<string, MachineDefinition>>;
  /** Runs the worker that moves conversations (default true); pages-only tests skip it and close faster. */
  readonly worker?: boolean;
}

/** The Koa app on a loopback port, with a memory pipeline and a worker running the real machines. */
export interface AdminStand {
  readonly url: string;
  readonly pipeline: MemoryPipeline;
  /** Posts a webhook body signed as Meta would. */
  post(body: WebhookBody): Promise<Response>;
  /** GET (or any method) on the stand, with the admin bearer token unless `headers` says otherwise. */
  fetch(path: string, init?: RequestInit & { bearer?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Until `src/server.ts` passes `census`, `machines` and `adminToken` to `createApp`, the admin tests build the
 * same stack as the server here: app (webhook + admin routes) → memory pipeline → worker with the registry's
 * machines (dry-run sender: replies are not the subject).
 */
export async function startAdminStand(options: AdminStandOptions = {}): Promise<AdminStand> {
  const logger = silentLogger();
  const metrics = createMetrics();
  const pipeline = new MemoryPipeline({ sessionTtlSeconds: 600, dedupWindowSeconds: 600 });
  const registry = options.machines ?? machines;
  const fallback = machines[defaultMachineId];
  if (!fallback) throw new Error(`machines/index.ts does not register the default machine ${defaultMachineId}`);
  const worker = new ConversationWorker({
    source: pipeline,
    ...withoutEffects(pipeline, metrics),
    concurrency: 4,
    machineFor: () => fallback,
    settleTimeoutMs: 2000,
    sender: new DryRunMessageSender({ logger }),
    logger,
    metrics,
    pseudonym: createPseudonymizer(),
  });
  if (options.worker !== false) worker.start();
  const app = createApp({
    inbox: pipeline,
    appSecret: APP_SECRET,
    verifyToken: undefined,
    logger,
    metrics,
    census: options.census ?? pipeline,
    machines: registry,
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pipeline,
    post(body) {
      const raw = toWire(body);
      return fetch(`${url}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, APP_SECRET) },
        body: raw,
      });
    },
    fetch(path, init = {}) {
      const { bearer = options.adminToken, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (bearer !== null && bearer !== undefined) headers.set('authorization', `Bearer ${bearer}`);
      return fetch(`${url}${path}`, { redirect: 'manual', ...rest, headers });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.stop();
    },
  };
}
