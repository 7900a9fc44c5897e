/**
 * An operator's own inspection relay (`INSPECT=ws://…`), stood in for by a WebSocket server on 127.0.0.1 that
 * keeps every message it receives.
 */

import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface WsRelayStandIn {
  /** The value to give `INSPECT`. */
  readonly url: string;
  /** Every message received so far, oldest first. */
  readonly received: string[];
  close(): Promise<void>;
}

export async function startWsRelayStandIn(): Promise<WsRelayStandIn> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const received: string[] = [];
  server.on('connection', (socket) => socket.on('message', (data) => received.push(data.toString())));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
