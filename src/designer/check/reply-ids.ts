/**
 * Interactive reply ids, both ways: an id a message offers must be handled where the user sees it, and an
 * id the machine's guards recognise must be offered by some message.
 */

import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { OutboundMessage } from '../../domain/outbound.js';
import type { Exploration } from './explore.js';
import type { Finding } from './problem.js';
import type { Stepper } from './pure-step.js';
import { nodePath } from './state-nodes.js';
import { NO_TEXT_KEYS, type TextKeys, textNote } from './text-keys.js';
import { chosenTransitions, guardName, isDeliberateCatchAll, sameTransitions, transitionField, transitionPlace } from './transitions.js';

/** One tappable choice in a message, with the path of its id. */
export interface Offer {
  readonly id: string;
  readonly title: string;
  readonly field: string;
}

/** The buttons and list rows of a message; none for a text. */
export function offersIn(message: OutboundMessage): Offer[] {
  switch (message.type) {
    case 'buttons':
      return message.buttons.map(({ id, title }, i) => ({ id, title, field: `buttons[${i}].id` }));
    case 'list':
      return message.sections.flatMap((section, s) =>
        section.rows.map(({ id, title }, r) => ({ id, title, field: `sections[${s}].rows[${r}].id` })),
      );
    default:
      return [];
  }
}

/** A user.choice event as the runtime builds it from a tap. */
export const tap = (id: string, title: string, at: number): EventObject => ({ type: 'user.choice', id, title, at }) as EventObject;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An id no message offers: what the machine does with it is what it does with any unknown tap. */
const UNKNOWN_ID = '\u0000an id no message offers';

/** Why tapping `offer` in `snapshot` is a problem (it changes nothing, fails, or falls to a catch-all), or undefined when it works. */
function deadTap(machine: AnyStateMachine, stepper: Stepper, snapshot: AnyMachineSnapshot, offer: Offer, at: number): string | undefined {
  try {
    const [next, actions] = stepper.next(snapshot, tap(offer.id, offer.title, at));
    if (next.status === 'error') return `tapping it makes the machine fail: ${errorText(next.error)}`;
    const unchanged =
      JSON.stringify(next.value) === JSON.stringify(snapshot.value) &&
      JSON.stringify(next.context) === JSON.stringify(snapshot.context) &&
      !actions.some((action) => action.type === 'xstate.emit');
    if (unchanged) return 'no transition handles it here: tapping it changes nothing';
  } catch (error) {
    return `tapping it makes the machine fail: ${errorText(error)}`;
  }
  const chosen = chosenTransitions(machine, snapshot, tap(offer.id, offer.title, at));
  const fallback = chosenTransitions(machine, snapshot, tap(UNKNOWN_ID, UNKNOWN_ID, at));
  const [first] = chosen;
  if (!first || !sameTransitions(chosen, fallback) || chosen.some(isDeliberateCatchAll)) return undefined;
  return (
    `only the catch-all ${transitionPlace(first)} takes it, as it takes any unknown id: ` +
    `add a transition for "${offer.id}" (a guard that recognises it), or mark that catch-all deliberate with meta: { catchAll: '…' }`
  );
}

/**
 * Every button or row offered on arrival in a settled state that does nothing when tapped there, makes the
 * machine fail, or is taken only by a catch-all (the transition any unknown id would take). Each (state,
 * id) is tried in at most `triesPerId` snapshots, as contexts rarely change the answer.
 *
 * @example
 * findUnhandledOffers(machine, exploration, 0, keys); // [{ state: 'ask', field: 'buttons[1].id', message: '"Non" (id "no") is offered…' }]
 */
export function findUnhandledOffers(machine: AnyStateMachine, exploration: Exploration, at: number, keys: TextKeys = NO_TEXT_KEYS, triesPerId = 8): Finding[] {
  const tries = new Map<string, number>();
  const findings: Finding[] = [];
  for (const arrival of exploration.arrivals) {
    for (const message of arrival.offered) {
      for (const offer of offersIn(message)) {
        const key = `${arrival.state}\u0000${offer.id}`;
        const count = tries.get(key) ?? 0;
        if (count >= triesPerId) continue;
        tries.set(key, count + 1);
        const reason = deadTap(machine, exploration.stepper, arrival.snapshot, offer, at);
        if (reason === undefined) continue;
        tries.set(key, triesPerId);
        findings.push({
          state: arrival.state,
          field: offer.field,
          message: `"${offer.title}" (id "${offer.id}")${textNote(message, keys)} is offered here, but ${reason}`,
        });
      }
    }
  }
  return findings;
}

/**
 * Every sample choice id some guard singles out (it selects other transitions than an unknown id would)
 * while no message of the exploration offers it: a button the user can never tap.
 *
 * @example
 * findUnofferedChoices(machine, exploration, [{ type: 'user.choice', id: 'secret', title: 'Secret', at: 0 }]);
 * // [{ state: '(root)', field: 'on["user.choice"][0].guard', message: 'choice id "secret" is handled (guard isSecret)…' }]
 */
export function findUnofferedChoices(
  machine: AnyStateMachine,
  exploration: Exploration,
  choices: readonly { readonly id: string; readonly title: string; readonly at: number }[],
): Finding[] {
  const offered = new Set(exploration.replies.flatMap(({ message }) => offersIn(message).map((offer) => offer.id)));
  const pending = new Map(choices.filter((choice) => !offered.has(choice.id)).map((choice) => [choice.id, choice]));
  const findings: Finding[] = [];
  for (const snapshot of exploration.settled) {
    if (pending.size === 0) break;
    const fallback = chosenTransitions(machine, snapshot, tap(UNKNOWN_ID, UNKNOWN_ID, choices[0]?.at ?? 0));
    for (const choice of [...pending.values()]) {
      const data = chosenTransitions(machine, snapshot, tap(choice.id, choice.title, choice.at));
      const [first] = data;
      if (!first || sameTransitions(data, fallback)) continue;
      pending.delete(choice.id);
      const guard = guardName(first);
      findings.push({
        state: nodePath(first.source),
        field: guard === undefined ? transitionField(first) : `${transitionField(first)}.guard`,
        message: `choice id "${choice.id}" is handled here${guard === undefined ? '' : ` (guard ${guard})`}, but no message offers it: offer it in a message, or remove the transition`,
      });
    }
  }
  return findings;
}
