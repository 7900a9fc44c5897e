/**
 * Checking every registered machine at once, for `npm run check` and for the server, which refuses to
 * start on a broken machine with the same messages.
 */

import type { MachineDefinition } from '../../domain/machine-definition.js';
import { type MachineCheckResult, runMachineCheck } from './check-machine.js';
import { formatProblem, formatProblems } from './format.js';
import { formatCostSummary } from './message-ceiling.js';
import { formatPathCosts, pathCosts } from '../paths/path-costs.js';
import type { MachineProblem } from './problem.js';
import { findShapeProblems } from '../shape/check-shape.js';
import { shapeOf } from '../shape/machine-shape.js';
import { readShapes } from '../shape/shape-files.js';
import { alreadyChecked, buildFingerprint, recordChecked } from './check-stamp.js';
import { runtimeCheckOptions } from './runtime-options.js';

/**
 * Every machine of the registry checked as the runtime runs it (its provided actors, its folder's texts).
 *
 * @example
 * const results = await checkRegistry(Object.values(machines));
 */
export async function checkRegistry(
  definitions: readonly MachineDefinition[],
  /** `brief`: the other locales explored with a small budget (the server's start-up); `npm run check` explores them fully. */
  options: { readonly brief?: boolean } = {},
): Promise<MachineCheckResult[]> {
  const results: MachineCheckResult[] = [];
  for (const definition of definitions) {
    const checkOptions = await runtimeCheckOptions(definition);
    const localeExplore = options.brief ? { ...checkOptions.explore, maxPerState: BRIEF_PER_STATE } : undefined;
    results.push(runMachineCheck(definition, localeExplore ? { ...checkOptions, localeExplore } : checkOptions));
  }
  return results;
}

/**
 * Snapshots per state explored in each other locale at start-up: every reply but the deepest (a second failure in a
 * row, a second answer) in a tenth of the time; the reference locale's own exploration also reaches the others.
 */
const BRIEF_PER_STATE = 8;

/** The message cost of the paths the path tests replay, or why they could not be planned. */
function pathLines(definition: MachineDefinition, every: boolean): string[] {
  try {
    return formatPathCosts(pathCosts(definition), every);
  } catch (error) {
    return [`✉ paths not planned: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** A registered machine has problems: the server must not start. The message lists them, one per line. */
export class MachineCheckError extends Error {
  override readonly name = 'MachineCheckError';
  constructor(readonly problems: readonly MachineProblem[]) {
    super(`${problems.length} problem(s) in the machines, run npm run check:\n${formatProblems(problems)}`);
  }
}

/**
 * Throws {@link MachineCheckError} when any registered machine has a problem. Machines that passed as built (the
 * same compiled files, see check-stamp.ts) are not explored again.
 *
 * @example
 * await assertMachinesPass(Object.values(machines)); // in startServer, before listening
 */
export async function assertMachinesPass(definitions: readonly MachineDefinition[]): Promise<void> {
  const fingerprint = await buildFingerprint(definitions);
  if (await alreadyChecked(fingerprint)) return;
  const problems = (await checkRegistry(definitions, { brief: true })).flatMap((result) => result.problems);
  if (problems.length > 0) throw new MachineCheckError(problems);
  await recordChecked(fingerprint).catch(() => undefined); // a read-only build checks again next time, nothing worse
}

/**
 * `npm run check`: prints each problem, or one ✓ line per sound machine; resolves to the exit status. With
 * `root`, also compares each machine with the recorded shape of its version (`docs/machines/*.shape.json`).
 *
 * @example
 * process.exitCode = await runCheckCommand(Object.values(machines), (line) => console.log(line));
 */
export async function runCheckCommand(
  definitions: readonly MachineDefinition[],
  print: (line: string) => void,
  /**
   * `root`: the project root, where the shapes of shipped versions are recorded; absent, versions are not compared.
   * `paths`: also print what the paths the path tests replay cost in messages (`all`: one line per path).
   */
  options: { readonly root?: string; readonly paths?: 'summary' | 'all' } = {},
): Promise<number> {
  const results = await checkRegistry(definitions);
  if (options.root !== undefined) {
    for (const [index, result] of results.entries()) {
      const definition = definitions[index] as MachineDefinition;
      const records = await readShapes(options.root, definition.id);
      const found = findShapeProblems(definition, shapeOf(definition, result.contextFields), records);
      result.problems.push(...found.map((finding) => ({ machine: definition.id, ...finding })));
    }
  }
  for (const result of results) {
    if (result.problems.length > 0) print(formatProblems(result.problems));
    else print(`✓ ${result.machine} v${result.version}: ${result.states} states, ${result.transitions} transitions checked`);
    for (const warning of result.warnings) print(`⚠ ${result.machine} › ${warning}`);
    const definition = definitions.find((candidate) => candidate.id === result.machine);
    for (const line of formatCostSummary(result.costSummary, definition?.messageCeiling)) print(`  ${line}`);
    if (definition && options.paths) for (const line of pathLines(definition, options.paths === 'all')) print(`  ${line}`);
    for (const waived of result.waived) print(`⚠ ${formatProblem(waived)} [known, waived: ${waived.reason}]`);
    for (const waiver of result.unusedWaivers) {
      print(`⚠ ${waiver.machine} › ${waiver.state}: the waiver for "${waiver.contains}" matches nothing now: remove it from src/designer/check/waivers.ts`);
    }
  }
  const count = results.reduce((sum, result) => sum + result.problems.length, 0);
  if (count > 0) print(`✗ ${count} problem${count === 1 ? '' : 's'}: fix them before shipping`);
  // The server's start-up check need not explore these machines again.
  else await recordChecked(await buildFingerprint(definitions)).catch(() => undefined);
  return count > 0 ? 1 : 0;
}
