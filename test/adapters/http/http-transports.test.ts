import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { isAxiosError } from 'axios';
import { createHttpClient, type HttpTransport } from '../../../src/adapters/http/create-http-client.js';

/** A loopback API with one route per way a call can end. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    void text(req).then((body) => {
      const route = req.url?.replace(/^\/api/, '') ?? '';
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (route.startsWith('/echo')) return json(200, { method: req.method, url: req.url, type: req.headers['content-type'], auth: req.headers.authorization, body });
      if (route === '/refused') return json(503, { error: { message: 'busy', code: 2 } });
      if (route === '/not-json') return res.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
      if (route === '/huge') return res.writeHead(200, { 'content-type': 'application/json' }).end(`"${'x'.repeat(6 * 1024 * 1024)}"`);
      if (route === '/silent') return undefined; // never answers
      return json(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What a caller can see of a call's end: the status and data, or the error's code and status. */
async function outcome(call: Promise<{ status: number; data: unknown }>) {
  try {
    const { status, data } = await call;
    return { status, data };
  } catch (error) {
    if (!isAxiosError(error)) throw error;
    return { code: error.code, status: error.response?.status, data: error.response?.data };
  }
}

const transports: HttpTransport[] = ['undici', 'node'];

describe.each(transports)('createHttpClient over the %s transport', (transport) => {
  const client = () => createHttpClient({ baseURL: base, timeoutMs: 300, headers: { Authorization: 'Bearer t' }, transport });

  it('posts JSON to a path under the base, with the headers, and parses the JSON reply', async () => {
    expect(await outcome(client().post('echo/1', { question: 'Où ?' }))).toEqual({
      status: 200,
      data: { method: 'POST', url: '/api/echo/1', type: 'application/json', auth: 'Bearer t', body: '{"question":"Où ?"}' },
    });
  });

  it('serialises query parameters as axios does', async () => {
    const { data } = await client().get<{ url: string }>('/echo', { params: { q: 'a b', n: 2 } });
    expect(data.url).toBe('/api/echo?q=a+b&n=2');
  });

  it('keeps a reply that is not JSON as text', async () => {
    expect(await outcome(client().get('not-json'))).toEqual({ status: 200, data: 'plain words' });
  });

  it('fails an HTTP error status with the reply attached', async () => {
    expect(await outcome(client().post('refused', {}))).toEqual({ code: 'ERR_BAD_RESPONSE', status: 503, data: { error: { message: 'busy', code: 2 } } });
  });

  it('fails a silent server with axios’ timeout code', async () => {
    expect(await outcome(client().post('silent', {}))).toEqual({ code: 'ECONNABORTED' });
  });

  it('fails an aborted call as canceled', async () => {
    expect(await outcome(client().post('silent', {}, { signal: AbortSignal.timeout(50) }))).toEqual({ code: 'ERR_CANCELED' });
  });

  it('refuses a reply over the size limit', async () => {
    expect(await outcome(createHttpClient({ baseURL: base, timeoutMs: 5000, transport }).get('huge'))).toMatchObject({ code: 'ERR_BAD_RESPONSE' });
  });

  it('sends a multipart form (a file for the CSS API or Chatwoot)', async () => {
    const form = new FormData();
    form.append('question', 'Que dit ce reçu ?');
    const { data } = await client().post<{ type: string; body: string }>('echo', form);
    expect(data.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(data.body).toContain('Que dit ce reçu ?');
  });

  it('fails a refused connection with the socket’s code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = createHttpClient({ baseURL: `http://127.0.0.1:${port}`, timeoutMs: 1000, transport });
    expect(await outcome(nowhere.get('/'))).toEqual({ code: 'ECONNREFUSED' });
  });
});
