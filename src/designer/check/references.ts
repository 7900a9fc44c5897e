/**
 * Every named action, guard, actor and delay must have an implementation. XState skips a missing action
 * silently and leaves a missing actor's state stuck, so only a check like this one tells the designer.
 */

import type { AnyStateMachine } from 'xstate';
import { type Reference, type ReferenceKind, collectReferences } from './config-references.js';
import type { Finding } from './problem.js';

type Implementations = Readonly<Record<string, unknown>>;

const SETUP_KEY: Readonly<Record<ReferenceKind, 'actions' | 'guards' | 'actors' | 'delays'>> = {
  action: 'actions',
  guard: 'guards',
  actor: 'actors',
  delay: 'delays',
};

function implementationsOf(machine: AnyStateMachine, kind: ReferenceKind): Implementations {
  const all = machine.implementations as unknown as Readonly<Record<string, Implementations | undefined>>;
  return all[SETUP_KEY[kind]] ?? {};
}

/**
 * Whether an actor implementation is a placeholder the runtime must replace. Convention of `machines/`: a
 * placeholder's body rejects or throws saying it was "not provided" (or calls itself a placeholder).
 *
 * @example
 * isPlaceholder(fromPromise(() => Promise.reject(new Error('askQuestion was not provided')))); // true
 */
export function isPlaceholder(logic: unknown): boolean {
  const body = typeof logic === 'object' && logic !== null ? (logic as { config?: unknown }).config : undefined;
  return typeof body === 'function' && /not (been )?provided|placeholder/i.test(Function.prototype.toString.call(body));
}

/** Why `reference` has no implementation, or undefined when it has one. */
function missing(machine: AnyStateMachine, reference: Reference, providedActors: readonly string[]): string | undefined {
  const { kind, name } = reference;
  const own = implementationsOf(machine, kind);
  if (kind === 'actor') {
    // The runtime fills only placeholders a machine declares (provideEffects), so undeclared is missing.
    if (!Object.hasOwn(own, name)) {
      const hint = providedActors.includes(name) ? 'declare a placeholder in setup({ actors }) for the runtime to fill' : 'add it to setup({ actors })';
      return `actor "${name}" is not provided: ${hint}`;
    }
    const placeholderOnly = isPlaceholder(own[name]) && !providedActors.includes(name);
    return placeholderOnly ? `actor "${name}" is only a placeholder and the runtime does not provide it` : undefined;
  }
  return Object.hasOwn(own, name) ? undefined : `${kind} "${name}" is not provided: add it to setup({ ${SETUP_KEY[kind]} })`;
}

/**
 * Every reference to an action, guard, actor or delay that nothing implements. `providedActors` are the
 * actors the runtime supplies with `machine.provide`: a placeholder declared in `setup({ actors })` counts as
 * provided when listed there.
 *
 * @example
 * findReferenceProblems(machine, ['askQuestion']);
 * // [{ state: 'menu', field: 'entry', message: 'action "replyMenuu" is not provided: add it to setup({ actions })' }]
 */
export function findReferenceProblems(machine: AnyStateMachine, providedActors: readonly string[]): Finding[] {
  return collectReferences(machine).flatMap((reference) => {
    const message = missing(machine, reference, providedActors);
    return message === undefined ? [] : [{ state: reference.state, field: reference.field, message }];
  });
}

/**
 * The machine with stand-ins for missing guards (false) and delays (one second), so exploring goes on past
 * them: `transition` throws on a missing guard, and a missing delay fires at once.
 *
 * @example
 * explore(withStandIns(machine), events, input);
 */
export function withStandIns(machine: AnyStateMachine): AnyStateMachine {
  const absent = (kind: ReferenceKind): string[] => {
    const own = implementationsOf(machine, kind);
    return [...new Set(collectReferences(machine).filter((r) => r.kind === kind && !Object.hasOwn(own, r.name)).map((r) => r.name))];
  };
  const guards = absent('guard');
  const delays = absent('delay');
  if (guards.length === 0 && delays.length === 0) return machine;
  return machine.provide({
    guards: Object.fromEntries(guards.map((name) => [name, () => false])),
    delays: Object.fromEntries(delays.map((name) => [name, 1000])),
  });
}
