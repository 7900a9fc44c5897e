/**
 * Diagrams of conversation machines, for designers: a Mermaid state diagram per machine, written to
 * `docs/machines/<id>.md` by `npm run diagram` and checked by a test.
 */
export { toMermaid } from './to-mermaid.js';
export { diagramPath, toDiagramDocument } from './diagram-document.js';
export { writeDiagrams, type DiagramStatus } from './write-diagrams.js';
export { guardLabel, eventLabel, transitionLabel } from './mermaid-labels.js';
export { noteTransitions, runtimeTransitionNotes, spokenInput, type TransitionNote, type TransitionNotes } from './transition-notes.js';
