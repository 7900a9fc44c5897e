import { DIAGRAM_VIEWPORT_SCRIPT } from './diagram-viewport-client.js';

/**
 * The flow page's browser script, served as `/admin/assets/flows.js` (a file of its own, so the page's
 * Content-Security-Policy can forbid inline scripts). Every few seconds it reads `counts.json`, writes the
 * counts into each machine's table, and redraws a diagram whose counts changed: states holding
 * conversations get the Mermaid class `live` (highlighted) and a round badge with their count; the labels are
 * left alone, so the layout does not move. Each diagram is drawn at its natural size in a viewport that zooms
 * (buttons, wheel, keys) and pans (drag, arrows); it opens at a readable scale, the whole diagram when it fits.
 * Data reaches the DOM through `textContent` only; Mermaid renders with `securityLevel: 'strict'`.
 */
export const FLOWS_CLIENT_SCRIPT = DIAGRAM_VIEWPORT_SCRIPT + String.raw`(() => {
  'use strict';
  const root = document.getElementById('flows');
  const status = document.getElementById('status');
  if (!root || !status || typeof mermaid === 'undefined') return;
  const countsUrl = root.dataset.countsUrl;
  const every = Number(root.dataset.refreshMs) || 3000;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', state: { useMaxWidth: false } });
  const machines = Array.from(document.querySelectorAll('section.machine')).map((section, index) => ({
    index,
    id: section.dataset.machineId,
    source: (section.querySelector('.diagram-source') || {}).textContent || '',
    nodeIds: JSON.parse(section.dataset.nodeIds || '{}'),
    countedIn: section.dataset.countedIn || undefined,
    diagram: section.querySelector('.diagram'),
    viewport: section.querySelector('.viewport'),
    level: section.querySelector('.zoom-level'),
    tbody: section.querySelector('table.counts tbody'),
    drawn: undefined,
    view: { scale: 1, x: 0, y: 0, placed: false },
  }));
  let renders = 0;

  for (const machine of machines) if (machine.viewport) diagramViewport.controls(machine);

  /** Sums the counts of one machine per leaf state (a parallel value "a.x,b.y" counts for both leaves). */
  function perLeaf(rows) {
    const leaves = new Map();
    for (const row of rows) {
      for (const leaf of row.state.split(',')) leaves.set(leaf, (leaves.get(leaf) || 0) + row.count);
    }
    return leaves;
  }

  /** The diagram source plus Mermaid classes: "live" on states holding conversations, "nN" carrying the count. */
  function annotated(machine, leaves) {
    const lines = [machine.source, '  classDef live fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#111'];
    const declared = new Set();
    for (const [leaf, count] of leaves) {
      const node = machine.nodeIds[leaf];
      if (!node || count === 0) continue;
      if (!declared.has(count)) lines.push('  classDef n' + count + ' stroke-width:3px');
      declared.add(count);
      lines.push('  class ' + node + ' live', '  class ' + node + ' n' + count);
    }
    return lines.join('\n');
  }

  /** A round badge with the count at the top right of each live state; the layout itself never moves. */
  function addBadges(svg) {
    const ns = 'http://www.w3.org/2000/svg';
    for (const node of Array.from(svg.querySelectorAll('g.live'))) {
      const match = /(?:^|\s)n(\d+)(?:\s|$)/.exec(node.getAttribute('class') || '');
      if (!match) continue;
      const count = Number(match[1]);
      const box = node.getBBox();
      const badge = document.createElementNS(ns, 'g');
      badge.setAttribute('class', 'count-badge');
      const circle = document.createElementNS(ns, 'circle');
      const text = document.createElementNS(ns, 'text');
      const title = document.createElementNS(ns, 'title');
      for (const [name, value] of [['cx', box.x + box.width], ['cy', box.y], ['r', 12], ['fill', '#b45309'], ['stroke', '#fff']]) circle.setAttribute(name, String(value));
      for (const [name, value] of [['x', box.x + box.width], ['y', box.y], ['text-anchor', 'middle'], ['dominant-baseline', 'central'], ['fill', '#fff'], ['stroke', 'none'], ['font-size', '12'], ['font-weight', 'bold']]) text.setAttribute(name, String(value));
      text.textContent = String(count);
      title.textContent = count + (count > 1 ? ' conversations' : ' conversation');
      badge.append(title, circle, text);
      node.append(badge);
    }
    const all = svg.getBBox();
    svg.setAttribute('viewBox', [all.x - 14, all.y - 14, all.width + 28, all.height + 28].join(' '));
    svg.setAttribute('width', String(all.width + 28));
    svg.setAttribute('height', String(all.height + 28));
    svg.style.maxWidth = 'none';
  }

  async function draw(machine, leaves) {
    const key = JSON.stringify(Array.from(leaves).filter(([leaf, n]) => n > 0 && machine.nodeIds[leaf]).sort());
    if (!machine.diagram || !machine.source || key === machine.drawn) return;
    renders += 1;
    const id = 'diagram-' + machine.index + '-' + renders;
    try {
      machine.diagram.innerHTML = (await mermaid.render(id, annotated(machine, leaves))).svg;
      const svg = machine.diagram.querySelector('svg');
      if (svg) addBadges(svg);
      diagramViewport.place(machine);
    } catch (error) {
      console.error('flow page: counts could not be drawn on ' + machine.id, error);
      try {
        machine.diagram.innerHTML = (await mermaid.render(id + '-plain', machine.source)).svg;
        diagramViewport.place(machine);
      } catch (plainError) {
        machine.diagram.textContent = 'Diagramme illisible par Mermaid : ' + plainError.message;
      }
    }
    machine.drawn = key;
  }

  /** "fr 3 · wo 1", as the page writes it (flows-page.ts, localeSummary). */
  function localeSummary(byLocale) {
    return Object.entries(byLocale || {}).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)).map(([l, n]) => l + ' ' + n).join(' · ');
  }

  function fillTable(machine, rows) {
    if (!machine.tbody) return;
    const counts = new Map(rows.map((row) => [row.state, row.count]));
    const locales = new Map(rows.map((row) => [row.state, localeSummary(row.byLocale)]));
    for (const tr of Array.from(machine.tbody.querySelectorAll('tr'))) {
      const state = tr.dataset.state;
      if (tr.classList.contains('unknown') && !counts.has(state)) { tr.remove(); continue; }
      const count = counts.get(state) || 0;
      tr.querySelector('.count').textContent = String(count);
      const cell = tr.querySelector('.locales');
      if (cell) cell.textContent = locales.get(state) || '';
      tr.classList.toggle('live', count > 0);
      counts.delete(state);
    }
    for (const [state, count] of counts) {
      const tr = document.createElement('tr');
      tr.dataset.state = state;
      tr.className = 'unknown live';
      const name = document.createElement('td');
      name.textContent = state + ' (absent du diagramme)';
      const cell = document.createElement('td');
      cell.className = 'count';
      cell.textContent = String(count);
      const byLocale = document.createElement('td');
      byLocale.className = 'locales';
      byLocale.textContent = locales.get(state) || '';
      tr.append(name, cell, byLocale);
      machine.tbody.append(tr);
    }
  }

  async function refresh() {
    let counts = [];
    try {
      const response = await fetch(countsUrl, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
      if (response.status === 401) throw new Error('session expirée : rechargez la page pour vous reconnecter');
      if (!response.ok) throw new Error('comptes indisponibles (HTTP ' + response.status + ')');
      counts = (await response.json()).counts;
      // A machine of parallel regions counts each conversation once per region: add up its first region only.
      const total = counts.reduce((sum, row) => {
        const countedIn = (machines.find((machine) => machine.id === row.machineId) || {}).countedIn;
        return !countedIn || row.state.startsWith(countedIn + '.') ? sum + row.count : sum;
      }, 0);
      document.getElementById('total').textContent = total + (total > 1 ? ' conversations' : ' conversation') + ' en cours.';
      status.textContent = 'Mis à jour à ' + new Date().toLocaleTimeString('fr-FR');
      status.classList.remove('error');
    } catch (error) {
      status.textContent = 'Erreur : ' + error.message;
      status.classList.add('error');
      // Keep the last counts shown; draw the bare diagrams if none were drawn yet.
      for (const machine of machines) if (machine.drawn === undefined) await draw(machine, new Map());
      return;
    }
    for (const machine of machines) {
      const rows = counts.filter((row) => row.machineId === machine.id);
      fillTable(machine, rows);
      await draw(machine, perLeaf(rows));
    }
  }

  async function loop() {
    try { await refresh(); } finally { setTimeout(loop, every); }
  }
  loop();
})();
`;
