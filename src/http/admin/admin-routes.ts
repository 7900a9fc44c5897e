import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { Logger } from '../../observability/logger.js';
import type { ConversationCensus } from '../../ports/conversation-pipeline.js';
import { AdminAuth, SESSION_COOKIE, SESSION_TTL_MS } from './admin-auth.js';
import { ADMIN_CSP } from './admin-page.js';
import { flowsPage } from './flows-page.js';
import { LoginThrottle, memoryLoginLimiter } from './login-throttle.js';
import { loginPage } from './login-page.js';
import { machineViews, type MachineView } from './machine-views.js';
import { FormError, readForm } from './read-form.js';
import { isSameOrigin } from './same-origin.js';
import { flowAssets, IMMUTABLE } from './static-assets.js';
import { statsRoutes } from './stats-routes.js';

/** What the admin pages need; every field but `logger` is optional so `createApp` works without them. */
export interface AdminDeps {
  /** `ADMIN_TOKEN`; unset: every `/admin` URL answers 403. */
  readonly adminToken?: string | undefined;
  readonly census?: ConversationCensus | undefined;
  readonly machines?: Readonly<Record<string, MachineDefinition>> | undefined;
  readonly logger: Logger;
  /** The clock of session expiry; tests pass their own. */
  readonly now?: () => number;
  /** Mark the session cookie `Secure` even when the request reached us over plain HTTP (production). */
  readonly secureCookies?: boolean | undefined;
  /** Failed logins per client; absent: 10 per 15 minutes, in memory. */
  readonly loginLimiter?: RateLimiterAbstract | undefined;
}

/** Said to whoever opens /admin on a server started without ADMIN_TOKEN. */
export const ADMIN_DISABLED =
  "Administration désactivée : ADMIN_TOKEN n'est pas défini sur ce serveur (admin pages are disabled: set ADMIN_TOKEN, 16 characters or more).";

const LOGIN_FORM_LIMIT = 2048;

function secureHeaders(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', ADMIN_CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'no-referrer');
}

/**
 * The admin pages: `GET /admin/flows` (the live flow page), `GET /admin/flows/counts.json` (its counts),
 * `GET /admin/assets/:name` (Mermaid and the page script), `GET|POST /admin/login` and `POST /admin/logout`.
 * Everything but the login form requires `Authorization: Bearer <ADMIN_TOKEN>` or the login's session cookie.
 *
 * @example
 * adminRoutes(router, { adminToken: config.adminToken, census: pipeline, machines, logger });
 */
export function adminRoutes(router: Router, deps: AdminDeps): void {
  if (deps.adminToken === undefined) {
    router.all(/^\/admin(?:\/.*)?$/, (ctx) => {
      secureHeaders(ctx);
      ctx.status = 403;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = ADMIN_DISABLED;
    });
    return;
  }
  const auth = new AdminAuth(deps.adminToken, deps.now);
  const throttle = new LoginThrottle(deps.loginLimiter ?? memoryLoginLimiter(10));
  /** Answers 429 and returns true while this client may not try a token. */
  const tooManyAttempts = async (ctx: Context): Promise<boolean> => {
    const wait = await throttle.secondsToWait(ctx.ip);
    if (wait === 0) return false;
    ctx.status = 429;
    ctx.set('Retry-After', String(wait));
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `Trop de tentatives : réessayez dans ${Math.ceil(wait / 60)} min (too many attempts).`;
    return true;
  };
  const refuseCrossSite = (ctx: Context): boolean => {
    if (isSameOrigin(ctx)) return false;
    deps.logger.warn({ ip: ctx.ip, origin: ctx.get('origin') }, 'admin request from another site refused');
    ctx.status = 403;
    ctx.body = 'cross-site request refused';
    return true;
  };
  let views: Promise<MachineView[]> | undefined;
  const getViews = (): Promise<MachineView[]> => (views ??= machineViews(deps.machines ?? {}));

  const signedIn = (kind: 'page' | 'data') => async (ctx: Context, next: Next) => {
    secureHeaders(ctx);
    const session = ctx.cookies.get(SESSION_COOKIE);
    const authorization = ctx.get('authorization');
    // A bearer header is a token guess like the login form's: counted and throttled the same way.
    if (authorization !== '' && (await tooManyAttempts(ctx))) return;
    if (auth.allows({ authorization, session })) return next();
    if (authorization !== '') await throttle.failed(ctx.ip);
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="admin"');
    if (kind === 'page') {
      ctx.type = 'html';
      ctx.body = loginPage(session === undefined ? {} : { error: 'Session expirée : reconnectez-vous.' }).value;
    } else {
      ctx.body = { error: 'authentication required: Authorization: Bearer <ADMIN_TOKEN>, or log in at /admin/login' };
    }
  };

  /** The census, or `undefined` (logged) when the store does not answer: the page then says so. */
  const countNow = async () => {
    try {
      return await deps.census?.countByState();
    } catch (error) {
      deps.logger.error({ err: error }, 'flow page: cannot count conversations');
      return undefined;
    }
  };

  router.get('/admin', (ctx) => ctx.redirect('/admin/flows'));

  router.get('/admin/login', (ctx) => {
    secureHeaders(ctx);
    ctx.type = 'html';
    ctx.body = loginPage().value;
  });

  router.post('/admin/login', async (ctx) => {
    secureHeaders(ctx);
    if (refuseCrossSite(ctx) || (await tooManyAttempts(ctx))) return;
    let token: string;
    try {
      token = (await readForm(ctx.req, LOGIN_FORM_LIMIT)).get('token') ?? '';
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      ctx.status = error.status;
      ctx.body = error.message;
      return;
    }
    if (!auth.acceptsToken(token)) {
      await throttle.failed(ctx.ip);
      deps.logger.warn({ ip: ctx.ip }, 'admin login refused: wrong token');
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage({ error: 'Jeton incorrect.' }).value;
      return;
    }
    // Behind a TLS proxy the hop to us is plain HTTP: in production the cookie is Secure all the same.
    const secure = deps.secureCookies === true || ctx.state.https === true;
    ctx.cookies.secure = secure;
    ctx.cookies.set(SESSION_COOKIE, auth.issueSession(), {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/admin',
      maxAge: SESSION_TTL_MS,
      overwrite: true,
    });
    ctx.status = 303;
    ctx.redirect('/admin/flows');
  });

  router.post('/admin/logout', (ctx) => {
    secureHeaders(ctx);
    if (refuseCrossSite(ctx)) return;
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/admin', httpOnly: true, sameSite: 'strict', overwrite: true });
    ctx.status = 303;
    ctx.redirect('/admin/login');
  });

  router.get('/admin/flows', signedIn('page'), async (ctx) => {
    const assets = flowAssets();
    ctx.type = 'html';
    ctx.body = flowsPage({
      views: await getViews(),
      counts: await countNow(),
      scripts: [assets['mermaid.min.js'].url, assets['flows.js'].url],
    }).value;
  });

  router.get('/admin/flows/counts.json', signedIn('data'), async (ctx) => {
    const counts = await countNow();
    if (counts === undefined) {
      ctx.status = 503;
      ctx.body = { error: deps.census ? 'the store does not answer' : 'no conversation census configured' };
      return;
    }
    ctx.body = { generatedAt: new Date().toISOString(), counts };
  });

  statsRoutes(router, signedIn('data'), deps);

  router.get('/admin/assets/:name', signedIn('data'), (ctx) => {
    const assets = flowAssets();
    const name = ctx.params.name;
    if (name !== 'mermaid.min.js' && name !== 'flows.js') return; // 404
    ctx.type = assets[name].type;
    ctx.set('Cache-Control', IMMUTABLE);
    ctx.body = assets[name].open();
  });
}
