/**
 * The flow page's own style, put in the page (the admin CSP allows inline styles, as Mermaid needs them): the
 * page takes the whole width, each diagram sits in a zoomable, pannable viewport, the counts below it.
 */
export const FLOWS_STYLE = `
body:has(#flows) { max-width: none; }
#flows header p { margin: .3rem 0; }
.layout { display: flex; flex-direction: column; align-items: stretch; gap: .8rem; }
.diagram-tools { display: flex; gap: .4rem; align-items: center; margin: .3rem 0; flex-wrap: wrap; }
.diagram-tools button { min-width: 2.2rem; cursor: pointer; }
.diagram-tools .zoom-level { min-width: 3.5rem; text-align: center; font-variant-numeric: tabular-nums; }
.diagram-tools .hint { color: #6b7280; font-size: .85rem; }
.viewport { position: relative; overflow: hidden; height: 82vh; border: 1px solid #d1d5db; border-radius: 6px;
  background: #fafafa; cursor: grab; touch-action: none; }
.viewport:focus { outline: 2px solid #2563eb; outline-offset: 1px; }
.viewport.dragging { cursor: grabbing; }
.viewport .diagram { position: absolute; left: 0; top: 0; transform-origin: 0 0; min-height: 0; overflow: visible; }
.viewport .diagram svg { display: block; max-width: none !important; }
table.counts { font-size: .9rem; align-self: flex-start; min-width: 22rem; }
table.counts caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
`;
