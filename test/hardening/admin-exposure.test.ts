import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ADMIN_TOKEN = 'admin-token-for-hardening-tests';
const METRICS_TOKEN = 'metrics-token-for-hardening-tests';

/** Posts the login form with `token`, from the address `forwardedFor` claims to be (when given). */
function login(t: TestServer, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.server.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token }).toString(),
    redirect: 'manual',
  });
}

// Issue 10, row 12: the admin cookie was `Secure` only when `X-Forwarded-Proto: https` arrived; `X-Forwarded-For`
// was believed from anyone; logins were not limited (5,414 in 3 s); a cross-site POST to /admin/logout worked;
// /metrics had no authentication.
describe('the admin pages and /metrics, exposed in production', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      store: 'memory',
      env: { NODE_ENV: 'production', ADMIN_TOKEN, METRICS_TOKEN, TRUSTED_PROXIES: 'none', ADMIN_LOGIN_ATTEMPTS: '3' },
    });
  });
  afterAll(async () => t.close());

  it('marks the session cookie Secure even on the plain-HTTP hop behind a TLS proxy', async () => {
    const response = await login(t, ADMIN_TOKEN, { 'x-forwarded-for': '198.51.100.7' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/wa_admin_session=.*;.*secure/i);
  });

  it('refuses a log-out posted by another site', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
      const response = await fetch(`${t.server.url}/admin/logout`, { method: 'POST', headers, redirect: 'manual' });
      expect(response.status).toBe(403);
    }
  });

  it('limits wrong tokens per client, whatever X-Forwarded-For an untrusted client sends', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login(t, 'not-the-token', { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Once blocked, even the right token waits: the answer must not tell a right guess from a wrong one.
    const blocked = await login(t, ADMIN_TOKEN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const bearer = await fetch(`${t.server.url}/admin/stats`, { headers: { authorization: 'Bearer guess-guess-guess-guess' } });
    expect(bearer.status).toBe(429);
  });

  it('serves /metrics only with METRICS_TOKEN', async () => {
    expect((await fetch(`${t.server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.server.url}/metrics`, { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong' } })).status).toBe(401);
    const allowed = await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('wa_webhook_requests_total');
  });
});

describe('behind a trusted proxy (TRUSTED_PROXIES=loopback)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory', env: { ADMIN_TOKEN, TRUSTED_PROXIES: 'loopback', ADMIN_LOGIN_ATTEMPTS: '2' } });
  });
  afterAll(async () => t.close());

  it('counts attempts per client the proxy names, the right-most address it appended', async () => {
    // The client wrote 6.6.6.6 itself; nginx appended the address it saw.
    const from = (client: string) => ({ 'x-forwarded-for': `6.6.6.6, ${client}` });
    const first = [await login(t, 'wrong', from('203.0.113.1')), await login(t, 'wrong', from('203.0.113.1')), await login(t, 'wrong', from('203.0.113.1'))];
    expect(first.map((response) => response.status)).toEqual([401, 401, 429]);
    expect((await login(t, 'wrong', from('203.0.113.2'))).status).toBe(401);
  });

  it('marks the cookie Secure when the proxy says the client came over HTTPS', async () => {
    const response = await login(t, ADMIN_TOKEN, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(response.headers.get('set-cookie')).toMatch(/;.*secure/i);
    const plain = await login(t, ADMIN_TOKEN, { 'x-forwarded-for': '203.0.113.10' });
    expect(plain.headers.get('set-cookie')).not.toMatch(/;.*secure/i); // development, plain HTTP: a laptop's browser
  });
});
