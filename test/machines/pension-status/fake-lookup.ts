import { type Snapshot, fromPromise } from 'xstate';
import { pensionStatus } from '../../../machines/pension-status/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import type { FileStatus } from '../../../src/domain/file-status.js';
import { type Step, runMachine } from '../run-machine.js';

/** What the fake CSS file-status endpoint does with a number: answer (sync or async) or throw/reject. */
export type LookupFn = (registrationNumber: string) => FileStatus | Promise<FileStatus>;

/** Numbers the default fake knows: one file with a date, one without, one that makes the CSS fail. */
export const FILES = {
  dated: '1234567A',
  undated: '7654321',
  failing: '9999999',
  unknown: '1111111',
} as const;

/** The default fake: the files of `FILES`; every other number is unknown. */
export const fakeFiles: LookupFn = (number) => {
  if (number === FILES.dated) return { found: true, status: 'En cours d’instruction', updatedAt: '2025-03-12T09:30:00Z' };
  if (number === FILES.undated) return { found: true, status: 'Pension liquidée' };
  if (number === FILES.failing) throw new Error('CSS API timeout');
  return { found: false };
};

/** A stand-in for the runtime's `lookupFileStatus`. */
export const fakeLookup = (lookup: LookupFn) =>
  fromPromise<FileStatus, { registrationNumber: string }>(async ({ input }) => lookup(input.registrationNumber));

/** The pension-status definition with a fake lookup provided, ready for `runMachine`. */
export const withLookup = (lookup: LookupFn = fakeFiles): MachineDefinition => ({
  ...pensionStatus,
  machine: pensionStatus.machine.provide({ actors: { lookupFileStatus: fakeLookup(lookup) } }),
});

/** Plays `events` through the form as the runtime would (restore, send, settle, persist), with a fake lookup. */
export const play = (
  events: readonly UserEvent[],
  options: { lookup?: LookupFn; from?: Snapshot<unknown> } = {},
): Promise<Step[]> => runMachine(withLookup(options.lookup), events, { from: options.from });

/** Button ids of a message (empty when it has none). */
export const buttonIds = (message: OutboundMessage | undefined): string[] =>
  message?.type === 'buttons' ? message.buttons.map((b) => b.id) : [];

/** The text or body of a message. */
export const bodyOf = (message: OutboundMessage | undefined): string | undefined =>
  message === undefined ? undefined : message.type === 'text' ? message.text : message.body;
