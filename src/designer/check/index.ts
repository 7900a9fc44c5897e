/**
 * The machine check, for designers (`npm run check`) and for the server's start-up.
 *
 * @example
 * import { checkMachine, formatProblems } from './designer/check/index.js';
 * console.log(formatProblems(checkMachine(cssAssistant, { providedActors: ['askQuestion'] })));
 */

export { checkMachine, checkMachines, runMachineCheck, type MachineCheckResult } from './check-machine.js';
export { assertMachinesPass, checkRegistry, MachineCheckError, runCheckCommand } from './check-registry.js';
export { formatProblem, formatProblems } from './format.js';
export type { CheckOptions, ExploreOptions, MachineProblem } from './problem.js';
export { isPlaceholder } from './references.js';
export { KNOWN_PROBLEMS, type Waiver, type WaivedProblem } from './waivers.js';
export { isDeliberateCatchAll } from './transitions.js';
export { loadMachineTexts, RUNTIME_ACTOR_OUTPUTS, runtimeCheckOptions, runtimeProvidedActors } from './runtime-options.js';
