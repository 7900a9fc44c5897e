import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie of a logged-in admin browser. */
export const SESSION_COOKIE = 'wa_admin_session';

/** How long a login lasts. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

/**
 * Compares two secrets in constant time: both are hashed first, so neither the position of the first
 * difference nor the length of the candidate shows in the timing.
 *
 * @example
 * sameSecret(given, config.adminToken) // true or false, same time either way
 */
export function sameSecret(candidate: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(expected));
}

/**
 * Who may see `/admin`: a request carrying `Authorization: Bearer <ADMIN_TOKEN>`, or a browser holding a
 * session cookie issued by the login form. The cookie holds `<expiry>.<HMAC-SHA256(token, expiry)>`, never the
 * token: a leaked cookie stops working at its expiry, and changing ADMIN_TOKEN ends every session.
 *
 * @example
 * const auth = new AdminAuth(config.adminToken);
 * auth.allows({ authorization: ctx.get('authorization'), session: ctx.cookies.get(SESSION_COOKIE) });
 */
export class AdminAuth {
  constructor(
    private readonly token: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a token typed in the login form is the admin token. */
  acceptsToken(candidate: string): boolean {
    return sameSecret(candidate, this.token);
  }

  /** Whether a request's bearer header or session cookie lets it in. */
  allows(request: { readonly authorization?: string; readonly session?: string }): boolean {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
    if (bearer?.[1] !== undefined && this.acceptsToken(bearer[1])) return true;
    return request.session !== undefined && this.isLiveSession(request.session);
  }

  /** A fresh session value for the cookie, valid `SESSION_TTL_MS`. */
  issueSession(): string {
    const expiresAt = String(this.now() + SESSION_TTL_MS);
    return `${expiresAt}.${this.sign(expiresAt)}`;
  }

  private isLiveSession(value: string): boolean {
    const match = /^(\d{1,16})\.([\w-]{43})$/.exec(value);
    if (!match?.[1] || !match[2]) return false;
    const signed = sameSecret(match[2], this.sign(match[1]));
    return signed && Number(match[1]) > this.now();
  }

  private sign(expiresAt: string): string {
    return createHmac('sha256', this.token).update(`wa-admin-session:v1:${expiresAt}`).digest('base64url');
  }
}
