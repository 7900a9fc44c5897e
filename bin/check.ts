/**
 * `npm run check`: checks every machine registered in `machines/index.ts` as the runtime will run it,
 * prints each problem (machine › state › field: message) or a ✓ line per machine, and exits 1 on any
 * problem, so CI fails on a broken machine. It also compares each machine with the recorded shape of its
 * version (`docs/machines/<id>.v<version>.shape.json`): a state or a context field gone without a version bump
 * fails. It prints what the machines cost in messages: the most one user message causes, and the messages along the
 * paths the path tests replay (`--paths`: every path). Run from the project root (npm does).
 */

import { machines } from '../machines/index.js';
import { runCheckCommand } from '../src/designer/check/index.js';

// `npm run check -- --paths` lists every path the path tests replay with its messages; by default, a summary.
const paths = process.argv.includes('--paths') ? 'all' : 'summary';
process.exitCode = await runCheckCommand(Object.values(machines), (line) => process.stdout.write(`${line}\n`), { root: process.cwd(), paths });
