import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { GraphMessageSender } from '../../../src/adapters/whatsapp/graph-message-sender.js';
import { DeliveryUnknownError, GraphApiError } from '../../../src/domain/errors.js';
import { startGraphStandIn, type GraphStandIn } from '../../support/graph-stand-in.js';

const TOKEN = 'EAAG-secret-token-123';
const to = { phoneNumberId: '106540352242922', to: '221771234567' };

let graph: GraphStandIn;
let sender: GraphMessageSender;

beforeEach(async () => {
  graph = await startGraphStandIn();
  sender = new GraphMessageSender({ http: createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: { Authorization: `Bearer ${TOKEN}` } }) });
});

afterEach(async () => {
  await graph.close();
});

// Issue 10, row 3: the Graph API has no idempotency key, so only a send that surely never reached it is retried.
describe('GraphMessageSender: sends that may or may not have reached Meta', () => {
  it('reports a send that got no answer in time as of unknown delivery, never retryable, without the token', async () => {
    await graph.close();
    graph = await startGraphStandIn({ delayMs: 1000 });
    const http = createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 5000, headers: { Authorization: `Bearer ${TOKEN}` } });
    const slow = new GraphMessageSender({ http, timeoutMs: 200 });
    const error = await slow.send(to, { type: 'text', text: 'Bonjour' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toMatch(/^delivery unknown: .*may have been delivered/);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(graph.requests).toHaveLength(1); // it did reach the Graph API
  });

  it('retries a send reset on a reused kept-alive connection: the server closed it as idle, unread', async () => {
    // A server that answers a connection's first request, then drops the connection when it is used again.
    const server = createServer((req, res) => {
      req.resume();
      const socket = req.socket as typeof req.socket & { served?: boolean };
      if (socket.served) return socket.destroy();
      socket.served = true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: [{ id: 'wamid.first' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const http = createHttpClient({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v25.0`, timeoutMs: 2000 });
      const kept = new GraphMessageSender({ http, timeoutMs: 2000 });
      expect(await kept.send(to, { type: 'text', text: 'Un' })).toEqual({ wamid: 'wamid.first' });
      // undici gives the connection back to its pool once the reply is wholly handled, a tick later.
      await new Promise((resolve) => setImmediate(resolve));
      const error = await kept.send(to, { type: 'text', text: 'Deux' }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(GraphApiError);
      expect(error).toMatchObject({ retryable: true });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a phone_number_id that would leave the versioned path, before any request', async () => {
    const error = await sender.send({ phoneNumberId: '..', to: '221771234567' }, { type: 'text', text: 'Bonjour' }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ retryable: false });
    expect(graph.requests).toHaveLength(0);
  });
});
