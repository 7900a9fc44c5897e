import type { Config } from '../config/config.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import { deferredEffect } from '../engine/effects/deferred-effect.js';
import { effectNames } from '../effects/index.js';
import { machines } from '../../machines/index.js';

/**
 * Every registered machine as the runtime runs it: each effect it declares (`askQuestion`, …) replaced by the
 * deferred stand-in that records the call (the effect runner runs it outside the lane), and its delays configured.
 * What the server and `npm run chat` run, built the same way for both.
 *
 * @example
 * const live = liveMachines(config); live['css-assistant'].machine // invoking askQuestion records a call
 */
export function liveMachines(config: Config): Record<string, MachineDefinition> {
  const delays = { menuNudge: config.menuNudgeSeconds * 1000 };
  return Object.fromEntries(Object.entries(machines).map(([id, definition]) => [id, deferEffects(definition, delays)]));
}

/** A machine with the runtime's effects deferred and its declared delays set. */
export function deferEffects(definition: MachineDefinition, delays: Readonly<Record<string, number>> = {}): MachineDefinition {
  const { actors: declaredActors, delays: declaredDelays } = definition.machine.implementations;
  const actors = Object.fromEntries(effectNames.filter((name) => name in declaredActors).map((name) => [name, deferredEffect]));
  const ownDelays = Object.fromEntries(Object.entries(delays).filter(([name]) => name in declaredDelays));
  return { ...definition, machine: definition.machine.provide({ actors, delays: ownDelays }) };
}
