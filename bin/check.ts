/**
 * `npm run check`: checks every machine registered in `machines/index.ts` as the runtime will run it,
 * prints each problem (machine › state › field: message) or a ✓ line per machine, and exits 1 on any
 * problem, so CI fails on a broken machine.
 */

import { machines } from '../machines/index.js';
import { runCheckCommand } from '../src/designer/check/index.js';

process.exitCode = await runCheckCommand(Object.values(machines), (line) => process.stdout.write(`${line}\n`));
