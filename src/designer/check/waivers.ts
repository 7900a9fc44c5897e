/**
 * Known problems a machine's owner is fixing: each is printed as a warning instead of failing the check,
 * with the reason, until it is gone; a waiver that no longer matches anything is reported so that it is
 * removed. Keep this list short and dated: it exists so that a new rule can land before the machines it
 * catches are fixed.
 */

import type { MachineProblem } from './problem.js';

/** One known problem: the machine and state it is in, and words its message contains. */
export interface Waiver {
  readonly machine: string;
  readonly state: string;
  /** A part of the problem's message that identifies it. */
  readonly contains: string;
  /** Why it is allowed for now, and who fixes it. */
  readonly reason: string;
}

/**
 * The problems of today's registered machines that their owners fix next.
 *
 * @example
 * partitionWaived(problems, KNOWN_PROBLEMS); // { problems: [...], waived: [...], unused: [] }
 */
export const KNOWN_PROBLEMS: readonly Waiver[] = [];

const matches = (waiver: Waiver, problem: MachineProblem): boolean =>
  waiver.machine === problem.machine && waiver.state === problem.state && problem.message.includes(waiver.contains);

/** A problem let through by a waiver, with the waiver's reason. */
export interface WaivedProblem extends MachineProblem {
  readonly reason: string;
}

/**
 * Splits problems into those that fail the check and those a waiver lets through; also returns the waivers
 * of `machines` that matched nothing (fixed: remove them).
 */
export function partitionWaived(
  problems: readonly MachineProblem[],
  waivers: readonly Waiver[],
  machines: readonly string[],
): { problems: MachineProblem[]; waived: WaivedProblem[]; unused: Waiver[] } {
  const used = new Set<Waiver>();
  const kept: MachineProblem[] = [];
  const waived: WaivedProblem[] = [];
  for (const problem of problems) {
    const waiver = waivers.find((candidate) => matches(candidate, problem));
    if (waiver) {
      used.add(waiver);
      waived.push({ ...problem, reason: waiver.reason });
    } else kept.push(problem);
  }
  const unused = waivers.filter((waiver) => machines.includes(waiver.machine) && !used.has(waiver));
  return { problems: kept, waived, unused };
}
