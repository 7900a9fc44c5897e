/**
 * `npm run diagram`: writes the Mermaid state diagram of every machine in `machines/` to
 * `docs/machines/<id>.md`. `npm run diagram -- --check` writes nothing and exits 1 when a committed page
 * is out of date with its machine. Run from the project root (npm does).
 */
import { machines } from '../machines/index.js';
import { writeDiagrams } from '../src/designer/diagram/index.js';

const check = process.argv.includes('--check');
const statuses = await writeDiagrams(machines, process.cwd(), { check });
for (const { path, status } of statuses) console.log(`${status.padEnd(9)} ${path}`);
const stale = statuses.filter(({ status }) => status === 'outdated' || status === 'missing');
if (stale.length > 0) {
  console.error(`${stale.length} diagram(s) out of date with their machine: run npm run diagram`);
  process.exitCode = 1;
}
