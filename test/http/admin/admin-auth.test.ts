import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminAuth, SESSION_COOKIE, SESSION_TTL_MS, sameSecret } from '../../../src/http/admin/admin-auth.js';
import { ADMIN_TOKEN, startAdminStand, type AdminStand } from './admin-stand.js';

const ADMIN_URLS = ['/admin/flows', '/admin/flows/counts.json', '/admin/assets/mermaid.min.js', '/admin/login'];

const login = (t: AdminStand, token: string) =>
  t.fetch('/admin/login', {
    bearer: null,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });

describe('admin pages without ADMIN_TOKEN', () => {
  let t: AdminStand;
  beforeAll(async () => (t = await startAdminStand({ worker: false })));
  afterAll(async () => t.close());

  it('refuses every /admin URL with 403 and says why, whatever the credentials', async () => {
    for (const path of ADMIN_URLS) {
      const response = await t.fetch(path, { bearer: ADMIN_TOKEN });
      expect([path, response.status]).toEqual([path, 403]);
      expect(await response.text()).toContain('ADMIN_TOKEN');
    }
    expect((await login(t, ADMIN_TOKEN)).status).toBe(403);
  });
});

describe('admin pages with ADMIN_TOKEN', () => {
  let t: AdminStand;
  beforeAll(async () => (t = await startAdminStand({ adminToken: ADMIN_TOKEN, worker: false })));
  afterAll(async () => t.close());

  it('answers 401 with the login form when no credentials are given', async () => {
    const response = await t.fetch('/admin/flows', { bearer: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
    expect(await response.text()).toMatch(/<form class="login" method="post" action="\/admin\/login">/);
    const counts = await t.fetch('/admin/flows/counts.json', { bearer: null });
    expect(counts.status).toBe(401);
    expect(await counts.json()).toEqual({ error: expect.stringContaining('Bearer') });
  });

  it('answers 401 to a wrong bearer token, of any length', async () => {
    for (const wrong of ['nope', `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1), ADMIN_TOKEN.toUpperCase()]) {
      expect((await t.fetch('/admin/flows', { bearer: wrong })).status).toBe(401);
    }
    expect((await t.fetch('/admin/flows', { bearer: null, headers: { authorization: `Basic ${ADMIN_TOKEN}` } })).status).toBe(401);
  });

  it('serves the page and its counts to the bearer token', async () => {
    const page = await t.fetch('/admin/flows');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('data-machine-id="css-assistant"');
    const counts = await t.fetch('/admin/flows/counts.json');
    expect(counts.status).toBe(200);
    expect(await counts.json()).toEqual({ generatedAt: expect.any(String), counts: [] });
  });

  it('logs in through the form: an HttpOnly, SameSite=Strict session cookie that is not the token', async () => {
    const refused = await login(t, 'not-the-token');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await refused.text()).toContain('Jeton incorrect');

    const accepted = await login(t, ADMIN_TOKEN);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/admin/flows');
    const cookie = accepted.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=\\d+\\.[\\w-]{43}; path=/admin; `));
    expect(cookie.toLowerCase()).toContain('httponly');
    expect(cookie.toLowerCase()).toContain('samesite=strict');
    expect(cookie).not.toContain(ADMIN_TOKEN);

    const session = cookie.split(';')[0] ?? '';
    expect((await t.fetch('/admin/flows', { bearer: null, headers: { cookie: session } })).status).toBe(200);
    expect((await t.fetch('/admin/flows/counts.json', { bearer: null, headers: { cookie: session } })).status).toBe(200);
    const tampered = session.replace(/=(\d)/, (_, digit: string) => `=${(Number(digit) + 1) % 10}`);
    expect((await t.fetch('/admin/flows', { bearer: null, headers: { cookie: tampered } })).status).toBe(401);
  });

  it('logs out by clearing the cookie', async () => {
    const response = await t.fetch('/admin/logout', { bearer: null, method: 'POST' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; path=/admin; expires=Thu, 01 Jan 1970`));
  });

  it('refuses a login body that is not a small form', async () => {
    const json = await t.fetch('/admin/login', { bearer: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const huge = await login(t, 'x'.repeat(5000));
    expect(huge.status).toBe(413);
  });
});

describe('AdminAuth', () => {
  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('a', 'ab')).toBe(false);
    expect(sameSecret('', ADMIN_TOKEN)).toBe(false);
  });

  it('ends a session at its expiry, and every session when the token changes', () => {
    let now = 1_000_000;
    const auth = new AdminAuth(ADMIN_TOKEN, () => now);
    const session = auth.issueSession();
    expect(auth.allows({ session })).toBe(true);
    expect(new AdminAuth(`${ADMIN_TOKEN}-rotated`, () => now).allows({ session })).toBe(false);
    now += SESSION_TTL_MS;
    expect(auth.allows({ session })).toBe(false);
  });
});
