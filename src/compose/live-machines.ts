import type { Config } from '../config/config.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import { isWithinOfficeHours } from '../domain/office-hours.js';
import { deferredEffect } from '../engine/effects/deferred-effect.js';
import { effectNames } from '../effects/index.js';
import { machines } from '../../machines/index.js';
import { type Switches, withSwitches } from './with-switches.js';

export { type Switches, withSwitches } from './with-switches.js';

/**
 * Every registered machine as the runtime runs it: each effect it declares (`askQuestion`, …) replaced by the
 * deferred stand-in that records the call (the effect runner runs it outside the lane), its delays configured and its
 * configurable switches set. What the server and `npm run chat` run, built the same way for both.
 *
 * @example
 * const live = liveMachines(config); live['css-assistant'].machine // invoking askQuestion records a call
 */
export function liveMachines(config: Config): Record<string, MachineDefinition> {
  const delays: Record<string, number> = {
    ...(config.menuNudgeSeconds > 0 ? { menuNudge: config.menuNudgeSeconds * 1000 } : {}),
    agentNoReply: config.agentReplyTimeoutMs,
    agentRetry: config.agentRetryMs,
  };
  const switches: Switches = {
    // The menu nudge is a message nobody asked for (billed): on only when the operator sets MENU_NUDGE_SECONDS.
    isMenuNudgeOn: config.menuNudgeSeconds > 0,
    // Without an agents' inbox a request for a person gets the phone number, never a state nobody answers in.
    isAgentInboxOn: config.chatwoot !== undefined,
    isOutOfAgentHours: ({ event }) => !isWithinOfficeHours(typeof event.at === 'number' ? event.at : Date.now(), config.officeHours),
  };
  return Object.fromEntries(
    Object.entries(machines).map(([id, definition]) => [id, withSwitches(deferEffects(definition, delays), switches)]),
  );
}

/** A machine with the runtime's effects (by default the registry's) deferred and its declared delays set. */
export function deferEffects(
  definition: MachineDefinition,
  delays: Readonly<Record<string, number>> = {},
  names: readonly string[] = effectNames,
): MachineDefinition {
  const { actors: declaredActors, delays: declaredDelays } = definition.machine.implementations;
  const actors = Object.fromEntries(names.filter((name) => name in declaredActors).map((name) => [name, deferredEffect]));
  const ownDelays = Object.fromEntries(Object.entries(delays).filter(([name]) => name in declaredDelays));
  return { ...definition, machine: definition.machine.provide({ actors, delays: ownDelays }) };
}
