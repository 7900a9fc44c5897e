/**
 * Typed row numbers. Lists may not show on old phones and many users type the number of the row they want:
 * typing `3` under a list must do what tapping its third row does. Each list on screen in a settled state is
 * tried with every row number, and the outcome (state, replies, effects started) compared with the tap's. A list
 * whose body numbers its rows itself (`0. Retour au menu`) is typed with the numbers its body shows.
 */

import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { OutboundMessage } from '../../domain/outbound.js';
import type { Exploration } from './explore.js';
import type { Finding } from './problem.js';
import type { PlannedAction, Stepper } from './pure-step.js';
import { valuePath } from './state-nodes.js';
import { NO_TEXT_KEYS, type TextKeys, textNote } from './text-keys.js';
import { tap } from './reply-ids.js';

/** Where an event leads, in a designer's words, and a key to compare two outcomes. */
interface Outcome {
  readonly key: string;
  readonly said: string;
}

const describeInput = (input: unknown): string => {
  const json = JSON.stringify(input);
  return json === undefined ? '' : ` with ${json.length > 40 ? `${json.slice(0, 39)}…` : json}`;
};

function outcomeOf(stepper: Stepper, snapshot: AnyMachineSnapshot, event: EventObject): Outcome {
  try {
    const [next, actions] = stepper.next(snapshot, event);
    if (next.status === 'error') return { key: 'error', said: 'makes the machine fail' };
    const started = actions
      .filter((action: PlannedAction) => action.type === 'xstate.spawnChild')
      .map((action) => action.params as { src?: unknown; input?: unknown } | undefined)
      .map((params) => `${typeof params?.src === 'string' ? params.src : 'an actor'}${describeInput(params?.input)}`);
    const replies = actions.filter((action) => action.type === 'xstate.emit').map((action) => JSON.stringify(action.params));
    const state = valuePath(next.value);
    return {
      key: JSON.stringify([state, started, replies]),
      said: `goes to ${state}${started.length > 0 ? ` and starts ${started.join(', ')}` : ''}`,
    };
  } catch (error) {
    return { key: 'error', said: `makes the machine fail (${error instanceof Error ? error.message : String(error)})` };
  }
}

type ListMessage = Extract<OutboundMessage, { type: 'list' }>;

const isList = (message: OutboundMessage): message is ListMessage => message.type === 'list';

/** The number the list's body gives a row (`2. Titre` or `2) Titre` on a line of its own), else its position. */
function numberShown(list: ListMessage, title: string, index: number): string {
  for (const line of list.body.split('\n')) {
    const match = /^\s*(\d{1,3})\s*[.)]\s*(.+?)\s*$/.exec(line);
    if (match?.[2] === title) return match[1] ?? String(index + 1);
  }
  return String(index + 1);
}

/**
 * Every list row whose number, typed, does not do what tapping the row does; one finding per list and
 * state, naming each row that fails and the list's text.
 *
 * @example
 * findTypedRowNumberProblems(exploration, 0, keys);
 * // [{ state: 'category', field: 'sections[0].rows', message: 'typing the row number does not pick the row (text categories[0].intro): "1" goes to awaitingAnswer and starts askQuestion…' }]
 */
export function findTypedRowNumberProblems(exploration: Exploration, at: number, keys: TextKeys = NO_TEXT_KEYS): Finding[] {
  const tried = new Set<string>();
  const findings: Finding[] = [];
  for (const arrival of exploration.arrivals) {
    const list = arrival.offered.filter(isList).at(-1);
    if (!list) continue;
    const triedKey = `${arrival.state}\u0000${JSON.stringify(list)}`;
    if (tried.has(triedKey)) continue;
    tried.add(triedKey);
    const rows = list.sections.flatMap((section) => section.rows);
    const wrong: { digit: string; detail: string }[] = [];
    rows.forEach((row, index) => {
      const digit = numberShown(list, row.title, index);
      const byNumber = outcomeOf(exploration.stepper, arrival.snapshot, { type: 'user.text', text: digit, at } as EventObject);
      const byTap = outcomeOf(exploration.stepper, arrival.snapshot, tap(row.id, row.title, at));
      if (byNumber.key !== byTap.key) wrong.push({ digit, detail: `typing "${digit}" ${byNumber.said}, tapping row ${index + 1} "${row.title}" ${byTap.said}` });
    });
    const [first, ...others] = wrong;
    if (!first) continue;
    const also = others.length === 0 ? '' : ` (also ${others.map(({ digit }) => `"${digit}"`).join(', ')})`;
    findings.push({
      state: arrival.state,
      field: 'sections[0].rows',
      message:
        `a typed row number does not pick its row in this ${rows.length}-row list${textNote(list, keys)}: ${first.detail}${also}. ` +
        'Make a typed number pick the row (a guard on user.text that reads it against the list shown)',
    });
  }
  return findings;
}
