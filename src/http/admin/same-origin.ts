import type { Context } from 'koa';

/**
 * Whether a state-changing admin request (log in, log out) comes from the admin pages themselves, not from a form
 * on another site. Browsers say so in `Sec-Fetch-Site`; older ones send `Origin`, compared with the host the
 * request was made to. A request with neither (curl, a script) is not a browser being abused, and passes.
 *
 * @example
 * if (!isSameOrigin(ctx)) ctx.status = 403;
 */
export function isSameOrigin(ctx: Context): boolean {
  const site = ctx.get('sec-fetch-site').toLowerCase();
  if (site !== '') return site === 'same-origin' || site === 'none';
  const origin = ctx.get('origin');
  if (origin === '') return true;
  try {
    return new URL(origin).host === ctx.get('host');
  } catch {
    return false;
  }
}
