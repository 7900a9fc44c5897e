/**
 * What each transition means to a user: the sample messages that take it (`“aide”`, `tap Aide`), the keys
 * of the texts it answers with (`texts.help`) and how many messages it sends (each is billed). Found by exploring
 * the machine as the check does, so a diagram reads in the designer's words instead of guard names.
 */

import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition, EventObject } from 'xstate';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { OutboundMessage } from '../../domain/outbound.js';
import { repliesOf } from '../check/emitted-replies.js';
import { explore } from '../check/explore.js';
import { messagesIn } from '../check/message-costs.js';
import type { CheckOptions } from '../check/problem.js';
import { withStandIns } from '../check/references.js';
import { runtimeCheckOptions } from '../check/runtime-options.js';
import type { PlannedAction } from '../check/pure-step.js';
import { indexTexts, messageTextKey } from '../check/text-keys.js';
import { activeNodes } from '../check/state-nodes.js';
import { chosenTransitions } from '../check/transitions.js';
import { descendants } from './mermaid-ids.js';

/** What the user sends to take a transition, and what it answers. */
export interface TransitionNote {
  /** `“aide”`, `tap Aide`, `a photo`…, in the order first met. */
  readonly inputs: readonly string[];
  /** Keys of the texts replied on the way (`texts.help`), when the machine's folder has them. */
  readonly replies: readonly string[];
  /** The most messages the transition was seen to send (a long text counts its parts). */
  readonly messages: number;
}

/** Notes by transition (the machine's own transition objects). */
export type TransitionNotes = ReadonlyMap<AnyTransitionDefinition, TransitionNote>;

/** A sample event as a user would say it. */
export function spokenInput(event: EventObject): string {
  const { text, title, media, kind } = event as { text?: unknown; title?: unknown; media?: unknown; kind?: unknown };
  if (event.type === 'user.text' && typeof text === 'string') return `“${text.length > 24 ? `${text.slice(0, 23)}…` : text}”`;
  if (event.type === 'user.choice' && typeof title === 'string') return `tap ${title}`;
  if (event.type === 'user.media' && typeof media === 'string') return `${/^[aeiou]/.test(media) ? 'an' : 'a'} ${media} file`;
  if (event.type === 'user.other' && typeof kind === 'string') return `a ${kind}`;
  return event.type;
}

const emitted = (actions: readonly PlannedAction[]): OutboundMessage[] => repliesOf(actions).map((sent) => sent.message);

/**
 * Explores `definition` with its sample events and notes, for each transition a user event takes, the
 * samples that take it and the text keys of what it replies.
 *
 * @example
 * const notes = noteTransitions(cssAssistant, await runtimeCheckOptions(cssAssistant));
 */
export function noteTransitions(definition: MachineDefinition, options: CheckOptions = {}): TransitionNotes {
  const events = definition.sampleEvents ?? [];
  const at = (events[0] as { at?: number } | undefined)?.at ?? 0;
  const machine = withStandIns(definition.machine);
  const exploration = explore(machine, events, { at }, options.explore);
  const keys = indexTexts(options.content ?? (options.texts === undefined ? {} : { texts: options.texts }));
  const inputs = new Map<AnyTransitionDefinition, Set<string>>();
  const replies = new Map<AnyTransitionDefinition, Set<string>>();
  const add = (map: Map<AnyTransitionDefinition, Set<string>>, transition: AnyTransitionDefinition, value: string): void => {
    const set = map.get(transition) ?? new Set<string>();
    set.add(value);
    map.set(transition, set);
  };
  const messages = new Map<AnyTransitionDefinition, number>();
  for (const snapshot of exploration.settled) {
    // What users send, then how the effects they started end (the answer is sent on that transition).
    for (const event of [...events, ...outcomesIn(machine, snapshot, options)]) {
      const [first] = chosenTransitions(machine, snapshot, event);
      if (!first) continue;
      if (event.type.startsWith('user.')) add(inputs, first, spokenInput(event));
      try {
        const [, actions] = exploration.stepper.next(snapshot, event);
        const sent = emitted(actions);
        messages.set(first, Math.max(messages.get(first) ?? 0, sent.reduce((sum, message) => sum + messagesIn(message), 0)));
        for (const message of sent) {
          const key = messageTextKey(message, keys);
          if (key !== undefined) add(replies, first, key);
        }
      } catch {
        // A failing step is the check's to report.
      }
    }
  }
  // `withStandIns` may have made a new machine: its transitions are the same objects only when it did not.
  const own = new Map<string, AnyTransitionDefinition>();
  const keyOf = (t: AnyTransitionDefinition): string => `${t.source.id}\u0000${t.eventType}\u0000${(t.source.transitions.get(t.eventType) ?? []).indexOf(t)}`;
  for (const node of [definition.machine.root, ...descendants(definition.machine.root)]) {
    for (const transition of [...node.transitions.values()].flat()) own.set(keyOf(transition), transition);
  }
  const notes = new Map<AnyTransitionDefinition, TransitionNote>();
  for (const [transition, count] of messages) {
    const mine = own.get(keyOf(transition)) ?? transition;
    notes.set(mine, { inputs: [...(inputs.get(transition) ?? [])], replies: [...(replies.get(transition) ?? [])], messages: count });
  }
  return notes;
}

/** The outcomes of the effects `snapshot` waits for: one per sample output, and a failure. */
function outcomesIn(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, options: CheckOptions): EventObject[] {
  return activeNodes(machine, snapshot.value).flatMap((node) =>
    node.invoke.flatMap((invoke) => {
      const outputs = (typeof invoke.src === 'string' ? options.explore?.actorOutputs?.[invoke.src] : undefined) ?? ['A sample answer.'];
      return [
        ...outputs.map((output) => ({ type: `xstate.done.actor.${invoke.id}`, output })),
        { type: `xstate.error.actor.${invoke.id}`, error: new Error('sample failure') },
      ];
    }),
  );
}

/**
 * {@link noteTransitions} with the options the runtime gives the check (its actors' outputs, the folder's texts).
 *
 * @example
 * toMermaid(definition, await runtimeTransitionNotes(definition));
 */
export async function runtimeTransitionNotes(definition: MachineDefinition): Promise<TransitionNotes> {
  return noteTransitions(definition, await runtimeCheckOptions(definition));
}
