import type { MachineDefinition } from '../../domain/machine-definition.js';
import { toMermaid } from './to-mermaid.js';
import type { TransitionNotes } from './transition-notes.js';

/** Read once by a designer who opens a diagram; kept short and the same for every machine. */
const LEGEND = [
  '## Legend',
  '',
  '- `[*] -->` points at the state a conversation starts in; `--> [*]` leaves a final state.',
  '- An arrow reads what a user sends to take it, from the machine\'s sample events: `“aide”` typed, `tap Aide`,',
  '  `a image file`; `any other text` is a transition without a guard, which catches the rest. After `⇒`, the keys of',
  '  the texts it replies (`texts.help`). One line per transition when several join the same two states, in the order',
  '  the machine tries them. An arrow no sample takes reads `event [guard]`.',
  '- **any state** (dashed): transitions declared for the whole machine (or a whole compound state). They',
  '  apply in every state inside it that does not handle the event itself.',
  '- `askQuestion done` / `askQuestion error`: the invoked actor answered or failed.',
  '- `↺` inside a state: what it handles without changing state (it may still reply).',
  '- Inside a state: `entry /` and `exit /` actions (replies are the `reply…` actions) and the actors it `invoke`s.',
];

/** Where the diagram of a machine is written, relative to the project root. */
export function diagramPath(definition: Pick<MachineDefinition, 'id'>): string {
  return `docs/machines/${definition.id}.md`;
}

/**
 * The Markdown page of one machine: its id as title, its description and version, the Mermaid diagram and a
 * legend; `notes` (from `runtimeTransitionNotes`) label the arrows with what users send. Deterministic (no date, no absolute path), so the committed page changes only with the machine.
 *
 * @example
 * await writeFile(diagramPath(cssAssistant), toDiagramDocument(cssAssistant));
 */
export function toDiagramDocument(definition: Pick<MachineDefinition, 'id' | 'version' | 'machine' | 'description'>, notes?: TransitionNotes): string {
  return [
    `# ${definition.id}`,
    '',
    ...(definition.description ? [definition.description, ''] : []),
    `Version ${definition.version}. Generated from \`machines/\` by \`npm run diagram\`: do not edit by hand.`,
    '',
    '```mermaid',
    toMermaid(definition, notes),
    '```',
    '',
    ...LEGEND,
    '',
  ].join('\n');
}
