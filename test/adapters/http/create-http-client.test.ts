import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';

let server: Server;
let base: string;
const seen: Array<{ url?: string; auth?: string; socket: Socket }> = [];

beforeEach(async () => {
  seen.length = 0;
  server = createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization, socket: req.socket });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createHttpClient', () => {
  it('joins relative paths to a base that has a path, and sends the headers', async () => {
    const http = createHttpClient({ baseURL: `${base}/v25.0`, timeoutMs: 1000, headers: { Authorization: 'Bearer t' } });
    await http.post('123/messages', {});
    await http.post('/456/messages', {});
    expect(seen.map((s) => s.url)).toEqual(['/v25.0/123/messages', '/v25.0/456/messages']);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer t', 'Bearer t']);
  });

  it.each(['undici', 'node'] as const)('reuses its connections for consecutive requests (keep-alive, %s transport)', async (transport) => {
    const http = createHttpClient({ baseURL: base, timeoutMs: 1000, transport });
    for (let i = 0; i < 20; i += 1) await http.get(`/${i}`);
    expect(seen).toHaveLength(20);
    // undici may open a second connection while the first is still finishing a reply; never one per request.
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
  });

  it('never sends a request to an absolute URL outside its base', async () => {
    const http = createHttpClient({ baseURL: `${base}/v25.0`, timeoutMs: 1000 });
    await http.get('http://example.invalid/steal');
    expect(seen[0]?.url).toBe('/v25.0/http://example.invalid/steal');
  });
});
