/**
 * The zoom and pan of the flow page's diagrams, in the browser: the first part of `flows.js` (see
 * `flows-client.ts`). It defines `diagramViewport`, used by the page script on each machine `{ diagram,
 * viewport, level, view }`: `place` after each drawing (the first one opens at a readable scale, the whole
 * diagram when it fits), `controls` once (buttons, wheel, drag, keys).
 */
export const DIAGRAM_VIEWPORT_SCRIPT = String.raw`const diagramViewport = (() => {
  'use strict';
  /** Below this scale Mermaid's 16 px labels become hard to read: the first view never goes smaller. */
  const READABLE = 0.9;
  const MIN_SCALE = 0.15;
  const MAX_SCALE = 3;

  function naturalSize(machine) {
    const svg = machine.diagram && machine.diagram.querySelector('svg');
    if (!svg) return undefined;
    return { width: Number(svg.getAttribute('width')) || svg.getBBox().width, height: Number(svg.getAttribute('height')) || svg.getBBox().height };
  }

  function apply(machine) {
    const { scale, x, y } = machine.view;
    machine.diagram.style.transform = 'translate(' + x + 'px, ' + y + 'px) scale(' + scale + ')';
    if (machine.level) machine.level.textContent = Math.round(scale * 100) + ' %';
  }

  /** Zooms by factor keeping the point (px, py) of the viewport where it is. */
  function zoomAt(machine, factor, px, py) {
    const view = machine.view;
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
    view.x = px - (px - view.x) * (scale / view.scale);
    view.y = py - (py - view.y) * (scale / view.scale);
    view.scale = scale;
    apply(machine);
  }

  function center(machine) {
    return { px: machine.viewport.clientWidth / 2, py: machine.viewport.clientHeight / 2 };
  }

  /** The whole diagram in the viewport (readable: not below READABLE, starting from its top left then). */
  function fitToView(machine, readable) {
    const size = naturalSize(machine);
    if (!size || !machine.viewport) return;
    const width = machine.viewport.clientWidth;
    const whole = Math.min(width / size.width, machine.viewport.clientHeight / size.height, 1);
    const byWidth = Math.min(width / size.width, 1);
    const scale = readable ? Math.max(Math.min(whole >= READABLE ? whole : byWidth, 1), READABLE) : Math.max(whole, MIN_SCALE);
    machine.view.scale = scale;
    machine.view.x = Math.max(0, (width - size.width * scale) / 2);
    machine.view.y = Math.max(0, (machine.viewport.clientHeight - size.height * scale) / 2);
    apply(machine);
  }

  /** Scrolls the first view, if need be, so that it shows where conversations start (the filled circle). */
  function showStart(machine) {
    const start = machine.diagram.querySelector('circle.state-start');
    const svg = machine.diagram.querySelector('svg');
    if (!start || !svg) return;
    const box = start.getBoundingClientRect();
    const frame = machine.viewport.getBoundingClientRect();
    const overflow = box.bottom + 60 - frame.bottom;
    if (overflow > 0) {
      machine.view.y -= overflow;
      apply(machine);
    }
  }

  function place(machine) {
    const size = naturalSize(machine);
    if (!size || !machine.viewport) return;
    if (!machine.view.placed) {
      // A small diagram gets a small box; a big one the box's full height.
      machine.viewport.style.height = Math.min(machine.viewport.clientHeight, Math.ceil(size.height * Math.max(READABLE, Math.min(1, machine.viewport.clientWidth / size.width))) + 24) + 'px';
      fitToView(machine, true);
      showStart(machine);
      machine.view.placed = true;
    } else apply(machine);
  }

  function controls(machine) {
    const section = machine.viewport && machine.viewport.closest('section');
    if (!section) return;
    for (const button of Array.from(section.querySelectorAll('[data-zoom]'))) {
      button.addEventListener('click', () => {
        const { px, py } = center(machine);
        const action = button.dataset.zoom;
        if (action === 'in') zoomAt(machine, 1.25, px, py);
        else if (action === 'out') zoomAt(machine, 0.8, px, py);
        else if (action === 'fit') fitToView(machine, false);
        else zoomAt(machine, 1 / machine.view.scale, px, py);
      });
    }
    const viewport = machine.viewport;
    viewport.addEventListener('wheel', (event) => {
      event.preventDefault();
      const box = viewport.getBoundingClientRect();
      zoomAt(machine, Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
    let drag;
    viewport.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX - machine.view.x, y: event.clientY - machine.view.y };
      viewport.setPointerCapture(event.pointerId);
      viewport.classList.add('dragging');
    });
    viewport.addEventListener('pointermove', (event) => {
      if (!drag) return;
      machine.view.x = event.clientX - drag.x;
      machine.view.y = event.clientY - drag.y;
      apply(machine);
    });
    const stop = () => { drag = undefined; viewport.classList.remove('dragging'); };
    viewport.addEventListener('pointerup', stop);
    viewport.addEventListener('pointercancel', stop);
    viewport.addEventListener('keydown', (event) => {
      const { px, py } = center(machine);
      const moves = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
      if (event.key === '+' || event.key === '=') zoomAt(machine, 1.25, px, py);
      else if (event.key === '-') zoomAt(machine, 0.8, px, py);
      else if (event.key === '0') fitToView(machine, false);
      else if (moves[event.key]) {
        machine.view.x += moves[event.key][0];
        machine.view.y += moves[event.key][1];
        apply(machine);
      } else return;
      event.preventDefault();
    });
  }
  return { controls, place, fitToView };
})();
`;
