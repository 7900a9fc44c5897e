/**
 * What the runtime adds to a machine, as check options: the effects it provides (`src/effects`), what those
 * actors can return, and the machine folder's texts. Shared by `npm run check` and the server's start-up
 * check, so both say the same.
 */

import { existsSync } from 'node:fs';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import { effectNames } from '../../effects/index.js';
import type { FileStatus } from '../../domain/file-status.js';
import type { CheckOptions } from './problem.js';
import { KNOWN_PROBLEMS } from './waivers.js';

const fileStatuses: readonly FileStatus[] = [
  { found: true, status: 'En cours d’instruction', updatedAt: '2026-01-15' },
  { found: true },
  { found: false },
];

/**
 * What the runtime's actors can return, fed to the machine as `xstate.done.actor.<id>` while exploring
 * (failures are always fed too): an answer or none, a file found or not.
 */
export const RUNTIME_ACTOR_OUTPUTS: Readonly<Record<string, readonly unknown[]>> = {
  askQuestion: ['Voici une réponse d’exemple de la CSS.', ''],
  lookupFileStatus: fileStatuses,
  // Everything forwarded, or only the first of several (the rest is tried again).
  forwardToAgent: [{ conversationId: 1, forwarded: 1 }, { conversationId: 1, forwarded: 0 }],
};

/**
 * Names of the actors the runtime provides: the registered effects (`src/effects/index.ts`), each given to the
 * machines that declare a placeholder for it in `setup({ actors })`.
 *
 * @example
 * runtimeProvidedActors(); // ['askQuestion', 'lookupFileStatus']
 */
export function runtimeProvidedActors(): string[] {
  return [...new Set<string>(effectNames)];
}

/**
 * The `texts` export of the machine's folder, `machines/<id>/index.ts` by convention; undefined when there
 * is no such folder or export.
 *
 * @example
 * await loadMachineTexts('css-assistant'); // { welcome: [Function], help: 'ℹ️ …', … }
 */
export async function loadMachineTexts(id: string): Promise<unknown> {
  return (await loadMachineFolder(id))?.texts;
}

/**
 * Every export of `machines/<id>/index.ts` (texts, menu data, the definition…); undefined when there is no
 * such folder.
 *
 * @example
 * Object.keys(await loadMachineFolder('css-assistant')); // ['cssAssistant', 'texts', 'categories', …]
 */
export async function loadMachineFolder(id: string): Promise<Readonly<Record<string, unknown>> | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) return undefined;
  // Same relative path from src/ (tests) and dist/src/ (npm run check, the server).
  if (!existsSync(new URL(`../../../machines/${id}/`, import.meta.url))) return undefined;
  return (await import(`../../../machines/${id}/index.js`)) as Readonly<Record<string, unknown>>;
}

/**
 * Check options for a registered machine, as the runtime will run it.
 *
 * @example
 * checkMachine(definition, await runtimeCheckOptions(definition));
 */
export async function runtimeCheckOptions(
  definition: MachineDefinition,
  /** The exports of the machine's folder, when loaded elsewhere (the chat's watch mode reloads them). */
  loadedFolder?: Readonly<Record<string, unknown>>,
): Promise<CheckOptions> {
  const folder = loadedFolder ?? (await loadMachineFolder(definition.id));
  // A `texts` field on the definition wins over the folder convention.
  const texts = (definition as { texts?: unknown }).texts ?? folder?.texts;
  return {
    providedActors: runtimeProvidedActors(),
    texts,
    content: { ...folder, ...(texts === undefined ? {} : { texts }) },
    explore: { actorOutputs: RUNTIME_ACTOR_OUTPUTS },
    waivers: KNOWN_PROBLEMS,
  };
}
