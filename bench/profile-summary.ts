/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and says where the time went: self time by
 * function and by place (a `src/` or `machines/` file, an npm package, node internals, GC), and inclusive
 * time of the project's own functions. `BENCH_CPU_PROF=1 npm run bench` profiles the server and prints this,
 * so a missed target comes with the functions to look at.
 */

import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame's code lives: `src/…`, `machines/…`, an npm package, `node:…`, or V8's own labels. */
function placeOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const project = /\/dist\/((?:src|machines)\/[^?#]+)\.js$/.exec(url);
  if (project?.[1]) return `${project[1]}.ts`;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg?.[1]) return pkg[1];
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${placeOf(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

const add = (map: Map<string, number>, key: string, value: number): void => {
  map.set(key, (map.get(key) ?? 0) + value);
};

/**
 * A text summary of one profile: top self time by place and by function, top inclusive time of project
 * functions. Idle time is left out of the percentages.
 *
 * @example
 * console.log(summarizeProfile('bench/results/profiles/CPU.20260101.cpuprofile'));
 */
export function summarizeProfile(file: string, count = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += us;
    add(byPlace, placeOf(node.callFrame.url, node.callFrame.functionName), us);
    add(byFunction, frameName(node), us);
  }

  // Node internals and native calls (socket writes, HTTP parsing) charged to the nearest caller that is a
  // package or a project file: "who caused this CPU" rather than "where it ran".
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownerOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && frame.url !== '' && !frame.url.startsWith('node:')) return placeOf(frame.url, frame.functionName);
    }
    const frame = byId.get(id)?.callFrame;
    return frame ? placeOf(frame.url, frame.functionName) : '?';
  };
  const byOwner = new Map<string, number>();
  for (const [id, us] of self) if (byId.get(id)?.callFrame.functionName !== '(idle)') add(byOwner, ownerOf(id), us);

  // Inclusive time of project frames, each function counted once per stack even when recursive.
  const inclusive = new Map<string, number>();
  const total = (id: number, onStack: ReadonlySet<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const name = frameName(node);
    const ours = /\s(src|machines)\//.test(name) && !onStack.has(name);
    const stack = ours ? new Set([...onStack, name]) : onStack;
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += total(child, stack);
    if (ours) add(inclusive, name, sum);
    return sum;
  };
  const root = profile.nodes[0];
  if (root) total(root.id, new Set());

  return [
    `CPU profile ${file}: ${(busy / 1e6).toFixed(1)} s busy (idle excluded)`,
    'self time by place:', ...top(byPlace, busy, count),
    'self time by function:', ...top(byFunction, busy, count),
    'self time by owner (node internals and native calls charged to the package or file that called them):',
    ...top(byOwner, busy, count),
    'inclusive time of project functions (src/, machines/):', ...top(inclusive, busy, count),
  ].join('\n');
}
