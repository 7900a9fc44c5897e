import { html, SafeHtml, type HtmlValue } from './html.js';

/**
 * The Content-Security-Policy of every admin page: scripts only from this server (no inline script, no
 * CDN), fetches only to it. Inline styles stay allowed because Mermaid puts a `<style>` inside each SVG.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A constant, not data: inserted unescaped. */
const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem; color: #1f2937; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-bottom: .2rem; } h2 small { color: #6b7280; font-weight: normal; }
section.machine { border-top: 1px solid #d1d5db; padding: .5rem 0 1.5rem; }
.layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
.diagram { flex: 1 1 560px; min-height: 120px; overflow-x: auto; }
table.counts { border-collapse: collapse; min-width: 240px; }
table.counts td, table.counts th { border-bottom: 1px solid #e5e7eb; padding: .25rem .6rem; text-align: left; }
table.counts td.count { text-align: right; font-variant-numeric: tabular-nums; }
tr.live { background: #fef3c7; font-weight: 600; } tr.unknown td:first-child { font-style: italic; }
.error { color: #b91c1c; } #status { color: #4b5563; font-size: .9rem; }
form.login { display: flex; flex-direction: column; gap: .6rem; max-width: 360px; }
input, button { font: inherit; padding: .4rem .6rem; } [hidden] { display: none; }
`;

/**
 * One admin page: `<head>` with the shared style, then `body`, then the given external scripts.
 *
 * @example
 * adminPage('Connexion', html`<p>…</p>`)
 */
export function adminPage(title: string, body: HtmlValue, scripts: readonly string[] = []): SafeHtml {
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
${body}
${scripts.map((src) => html`<script src="${src}"></script>\n`)}
</body>
</html>
`;
}
