/**
 * `npm run diagram`: writes the Mermaid state diagram of every machine in `machines/` to
 * `docs/machines/<id>.md`, and records the shape of each machine's current version in
 * `docs/machines/<id>.v<version>.shape.json` (created for a new version, grown as the version adds states or
 * context fields; `npm run check` compares the machine with it). `npm run diagram -- --check` writes nothing
 * and exits 1 when a committed page or record is out of date with its machine. Run from the project root
 * (npm does).
 */
import { machines } from '../machines/index.js';
import { writeDiagrams } from '../src/designer/diagram/index.js';
import { currentShape, writeShapes } from '../src/designer/shape/index.js';

const check = process.argv.includes('--check');
const statuses = [
  ...(await writeDiagrams(machines, process.cwd(), { check })),
  ...(await writeShapes(machines, process.cwd(), currentShape, { check })),
];
for (const { path, status } of statuses) console.log(`${status.padEnd(9)} ${path}`);
const stale = statuses.filter(({ status }) => status === 'outdated' || status === 'missing');
if (stale.length > 0) {
  console.error(`${stale.length} file(s) out of date with their machine: run npm run diagram`);
  process.exitCode = 1;
}
