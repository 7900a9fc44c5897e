import type { AnyStateMachine } from 'xstate';

/**
 * A conversation machine as the runtime knows it. `version` goes into every stored snapshot:
 * a snapshot of another version is never restored into this machine (it starts fresh instead).
 *
 * @example
 * export const cssAssistant: MachineDefinition = { id: 'css-assistant', version: 1, machine };
 */
export interface MachineDefinition {
  readonly id: string;
  readonly version: number;
  readonly machine: AnyStateMachine;
}
