import { adminPage } from './admin-page.js';
import { html, type SafeHtml } from './html.js';

/**
 * The login form, shown with 401 to a browser that has no valid session. It posts the token once to
 * `/admin/login`, which answers with a session cookie; the token itself is never stored in the browser.
 *
 * @example
 * ctx.body = loginPage({ error: 'Jeton incorrect.' }).value;
 */
export function loginPage(options: { readonly error?: string } = {}): SafeHtml {
  return adminPage(
    'Connexion — administration',
    html`<main>
<h1>Administration</h1>
<p>Saisissez le jeton d'administration (la valeur de <code>ADMIN_TOKEN</code>).</p>
${options.error !== undefined && html`<p class="error" role="alert">${options.error}</p>`}
<form class="login" method="post" action="/admin/login">
<label for="token">Jeton</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Se connecter</button>
</form>
</main>`,
  );
}
