import type { Waiver } from './waivers.js';

/**
 * The vocabulary of the machine check: one problem names the machine, the state and the field a designer
 * must fix, in words they can act on.
 */

/**
 * One thing a designer must fix before the machine can ship.
 *
 * @example
 * { machine: 'css-assistant', state: 'menu', field: 'sections[0].rows[2].title', message: '25 characters, the Cloud API allows 24' }
 */
export interface MachineProblem {
  readonly machine: string;
  /**
   * Dotted path of the state (`menu`, `form.askNumber`); `(root)` for the machine itself, `(texts)` for
   * the content. Active parallel regions are joined with commas.
   */
  readonly state: string;
  /** Where in the state or message: `entry[0]`, `on["user.text"][1].guard`, `buttons[2].title`, `texts.menu.body`. */
  readonly field: string;
  readonly message: string;
  /** The locale the problem is in (`wo`), when it is in one locale's messages only. */
  readonly locale?: string;
}

/** A problem before the machine's id is attached: each rule reports these. */
export type Finding = Omit<MachineProblem, 'machine'>;

/** How the check explores: bounded (a context that counts messages never repeats), with sample actor outputs. */
export interface ExploreOptions {
  /** Snapshots (state value + context) explored in all; default 3000. */
  readonly maxSnapshots?: number;
  /** Snapshots explored per state value; default 30. */
  readonly maxPerState?: number;
  /** Outputs fed to an invoked actor (as `xstate.done.actor.<id>`) not in `actorOutputs`; default a sample answer and `''`. */
  readonly sampleOutputs?: readonly unknown[];
  /** Outputs per actor name (`src`), when a string is not what the actor returns. */
  readonly actorOutputs?: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * Options of {@link checkMachine}.
 *
 * @example
 * checkMachine(cssAssistant, { providedActors: ['askQuestion'], texts });
 */
export interface CheckOptions {
  /**
   * Actors the runtime provides with `machine.provide` (e.g. `askQuestion`). An actor the machine only
   * declares as a placeholder counts as provided when it is listed here.
   */
  readonly providedActors?: readonly string[];
  /** The machine folder's `texts` object: every leaf must be a non-empty string (or a function returning one). */
  readonly texts?: unknown;
  /**
   * The machine folder's exports that hold texts, by name (`texts`, `categories`…): problems name the text
   * involved by its key (`categories[4].intro`). Defaults to `{ texts }`.
   */
  readonly content?: Readonly<Record<string, unknown>>;
  readonly explore?: ExploreOptions;
  /** Known problems printed as warnings instead of failing (see `waivers.ts`). */
  readonly waivers?: readonly Waiver[];
}

/** Keeps the first of each identical problem (same state, field and message), in order. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.locale ?? ''}\u0000${finding.state}\u0000${finding.field}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
