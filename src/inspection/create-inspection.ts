import { createSkyInspector, createWebSocketInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import type { InspectionEvent, Observer } from 'xstate';
import type { Logger } from '../observability/logger.js';
import type { Pseudonymize } from '../observability/pseudonymize.js';
import { startInspectRelay, type InspectRelay } from './inspect-relay.js';
import { conversationSessions } from './conversation-sessions.js';
import { maskPrivate } from './mask-private.js';

/** How the runtime attaches the inspector to each conversation actor. */
export interface Inspection {
  /** The actor id of a conversation: pseudonymous, stable for the process's key. */
  actorId(conversationKey: string): string;
  readonly inspect: Observer<InspectionEvent>;
  /** The local relay's WebSocket URL, when `INSPECT=local`. */
  readonly relayUrl?: string;
  close(): Promise<void>;
}

export interface InspectionOptions {
  /** `local`, `sky`, or a `ws://`/`wss://` relay URL. */
  readonly target: string;
  /** Send phone numbers and texts unmasked (`INSPECT_RAW=1`). */
  readonly raw: boolean;
  /** Port of the local relay (`INSPECT_PORT`, 0 = any free port). */
  readonly port: number;
  /** Stands for the conversation in actor ids. */
  readonly pseudonym: Pseudonymize;
  readonly logger: Logger;
  /** Where the page to open is printed, as a plain line for a person; standard error by default. */
  readonly announce?: (line: string) => void;
}

/**
 * Attaches `@statelyai/inspect` to conversation actors when `INSPECT` asks for it. Off by default: the runtime
 * then passes no observer at all, so inspection costs nothing. Citizens' messages and numbers are masked before
 * anything leaves the process unless `raw` is set.
 *
 * @example
 * const inspection = await createInspection({ target: 'local', raw: false, port: 8079, logger });
 */
export async function createInspection(options: InspectionOptions): Promise<Inspection> {
  let relay: InspectRelay | undefined;
  let url = options.target;
  if (options.target === 'local') {
    relay = await startInspectRelay(options.port);
    url = relay.wsUrl;
    options.logger.info({ url: relay.pageUrl }, 'XState inspector relay started');
    const announce = options.announce ?? ((line: string) => void process.stderr.write(`${line}\n`));
    announce(`XState inspector: open ${relay.pageUrl} in a browser (its page loads Stately's inspector UI from the internet)`);
  }
  const serialize = options.raw ? undefined : (event: StatelyInspectionEvent) => maskPrivate(event) as StatelyInspectionEvent;
  const inspector =
    options.target === 'sky'
      ? createSkyInspector({ ...(serialize ? { serialize } : {}) })
      : createWebSocketInspector({ url, ...(serialize ? { serialize } : {}) });
  if (options.target === 'sky') options.logger.warn('INSPECT=sky: inspection events go to Stately’s hosted relay');
  if (options.raw) options.logger.warn('INSPECT_RAW=1: phone numbers and message texts leave the process unmasked');
  return {
    actorId: (conversationKey) => `conv:${options.pseudonym(conversationKey)}`,
    inspect: conversationSessions(inspector.inspect),
    ...(relay ? { relayUrl: relay.wsUrl } : {}),
    async close() {
      inspector.stop();
      await relay?.close();
    },
  };
}
