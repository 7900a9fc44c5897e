/** How the check speaks: one line per problem, the same at `npm run check` and at server start-up. */

import type { MachineProblem } from './problem.js';

/**
 * One problem on one line: machine › state › field: message.
 *
 * @example
 * formatProblem({ machine: 'css-assistant', state: 'menu', field: 'sections[0].rows[2].title', message: '25 characters, the Cloud API allows 24' });
 * // 'css-assistant › menu › sections[0].rows[2].title: 25 characters, the Cloud API allows 24'
 */
export function formatProblem(problem: MachineProblem): string {
  return `${problem.machine} › ${problem.state} › ${problem.field}: ${problem.message}`;
}

/**
 * Every problem, one per line, in the order found.
 *
 * @example
 * process.stdout.write(`${formatProblems(checkMachine(definition))}\n`);
 */
export function formatProblems(problems: readonly MachineProblem[]): string {
  return problems.map(formatProblem).join('\n');
}
