import type { StateCount } from '../../ports/conversation-pipeline.js';
import { adminPage } from './admin-page.js';
import { FLOWS_STYLE } from './flows-style.js';
import { html, SafeHtml } from './html.js';
import { conversationTotal, type MachineView } from './machine-views.js';

/** Where the page's script reads the counts. */
export const COUNTS_URL = '/admin/flows/counts.json';
/** How often it reads them. */
export const REFRESH_MS = 3000;

const plural = (count: number, word: string): string => `${count} ${word}${count > 1 ? 's' : ''}`;

/**
 * `fr 3 · wo 1`: how many of a state's conversations speak each language (the page's script writes it the same way).
 *
 * @example
 * localeSummary({ wo: 1, fr: 3 }) // 'fr 3 · wo 1'
 */
export const localeSummary = (byLocale: Readonly<Record<string, number>> | undefined): string =>
  Object.entries(byLocale ?? {})
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([locale, count]) => `${locale} ${count}`)
    .join(' · ');

function countRows(view: MachineView, counts: readonly StateCount[]): SafeHtml[] {
  const byState = new Map(counts.filter((row) => row.machineId === view.id).map((row) => [row.state, row]));
  const row = (state: string, found: StateCount | undefined, unknown: boolean): SafeHtml => {
    const count = found?.count ?? 0;
    return html`<tr data-state="${state}" class="${[count > 0 ? 'live' : '', unknown ? 'unknown' : ''].join(' ').trim()}"><td>${
      unknown ? `${state} (absent du diagramme)` : state
    }</td><td class="count">${count}</td><td class="locales">${localeSummary(found?.byLocale)}</td></tr>`;
  };
  const known = view.states.map((state) => row(state, byState.get(state), false));
  const others = [...byState].filter(([state]) => !view.states.includes(state)).map(([state, found]) => row(state, found, true));
  return [...known, ...others];
}

function machineSection(view: MachineView, counts: readonly StateCount[]): SafeHtml {
  const diagram =
    'source' in view.diagram
      ? html`<div class="diagram-view">
<div class="diagram-tools" role="toolbar" aria-label="${`Zoom du diagramme de ${view.id}`}">
<button type="button" data-zoom="out" aria-label="Zoom arrière">−</button><output class="zoom-level">100 %</output><button type="button" data-zoom="in" aria-label="Zoom avant">+</button>
<button type="button" data-zoom="fit">Tout voir</button><button type="button" data-zoom="actual">Taille réelle</button>
<span class="hint">Molette : zoom · glisser : déplacer · flèches, + et − au clavier</span>
</div>
<pre class="diagram-source" hidden>${view.diagram.source}</pre>
<div class="viewport" tabindex="0"><div class="diagram" role="img" aria-label="${`Diagramme des états de ${view.id}`}"></div></div>
</div>`
      : html`<p class="error">Diagramme indisponible : ${view.diagram.error}</p>`;
  return html`<section class="machine" id="${`machine-${view.id}`}" data-machine-id="${view.id}" data-node-ids="${JSON.stringify(view.nodeIds)}" data-counted-in="${view.countedIn ?? ''}">
<h2>${view.id} <small>version ${view.version}</small></h2>
${view.description !== undefined && html`<p class="description">${view.description}</p>`}
<div class="layout">
${diagram}
<table class="counts">
<caption>Conversations en cours par état</caption>
<thead><tr><th>État</th><th>Conversations</th><th>Par langue</th></tr></thead>
<tbody>${countRows(view, counts)}</tbody>
</table>
</div>
</section>`;
}

/**
 * The live flow page: per machine its id, version, description, Mermaid diagram (drawn in the browser by
 * the project's own copy of Mermaid) and a table of live conversations per state, filled here with the
 * counts of the moment and then refreshed by `flows.js` every `REFRESH_MS`.
 *
 * @example
 * ctx.body = flowsPage({ views, counts, scripts: [mermaidUrl, flowsUrl] }).value;
 */
export function flowsPage(input: {
  readonly views: readonly MachineView[];
  readonly counts: readonly StateCount[] | undefined;
  readonly scripts: readonly string[];
}): SafeHtml {
  const total = conversationTotal(input.counts ?? [], input.views);
  return adminPage(
    'Parcours en direct',
    html`<main id="flows" data-counts-url="${COUNTS_URL}" data-refresh-ms="${REFRESH_MS}">
<style>${new SafeHtml(FLOWS_STYLE)}</style>
<header>
<h1>Parcours en direct</h1>
<p><span id="total">${input.counts ? `${plural(total, 'conversation')} en cours.` : 'Comptes indisponibles pour le moment.'}</span>
Actualisation toutes les ${REFRESH_MS / 1000} secondes. <span id="status" role="status" aria-live="polite"></span></p>
<p>Les flèches disent ce que l'utilisateur envoie (« aide » tapé, <em>tap Aide</em> touché) et, après ⇒, la clé du texte répondu ; ✉2 : la transition envoie 2 messages (chaque message est facturé).</p>
<form method="post" action="/admin/logout"><button type="submit">Se déconnecter</button></form>
</header>
${input.views.length === 0 ? html`<p>Aucune machine enregistrée.</p>` : input.views.map((view) => machineSection(view, input.counts ?? []))}
</main>`,
    input.scripts,
  );
}
