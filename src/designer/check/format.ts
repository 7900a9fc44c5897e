/** How the check speaks: one line per problem, the same at `npm run check` and at server start-up. */

import type { MachineProblem } from './problem.js';

/**
 * One problem on one line: machine › state › field: message; a problem in one locale names it after the machine
 * (`css-assistant [wo] › dialog.help › buttons[1].title: …`).
 *
 * @example
 * formatProblem({ machine: 'css-assistant', state: 'menu', field: 'sections[0].rows[2].title', message: '25 characters, the Cloud API allows 24' });
 * // 'css-assistant › menu › sections[0].rows[2].title: 25 characters, the Cloud API allows 24'
 */
export function formatProblem(problem: MachineProblem): string {
  const where = problem.locale === undefined ? problem.machine : `${problem.machine} [${problem.locale}]`;
  return `${where} › ${problem.state} › ${problem.field}: ${problem.message}`;
}

/**
 * Every problem, one per line, in the order found; the same problem in several states (a text shown in many)
 * is one line naming every state.
 *
 * @example
 * process.stdout.write(`${formatProblems(checkMachine(definition))}\n`);
 */
export function formatProblems(problems: readonly MachineProblem[]): string {
  const grouped = new Map<string, MachineProblem>();
  for (const problem of problems) {
    const key = `${problem.machine}\u0000${problem.locale ?? ''}\u0000${problem.field}\u0000${problem.message}`;
    const seen = grouped.get(key);
    grouped.set(key, seen ? { ...seen, state: `${seen.state}, ${problem.state}` } : problem);
  }
  return [...grouped.values()].map(formatProblem).join('\n');
}
