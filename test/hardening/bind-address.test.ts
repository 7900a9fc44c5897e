import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { capturedLogger } from './log-lines.js';

/** An IPv4 address of this machine that is not loopback, if it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000, () => socket.destroy());
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

// Issue 10, row 15: with no bind setting the server listened on every interface. HOST now defaults to 127.0.0.1:
// `npm start` and curl on a laptop work as before, and nothing outside the machine reaches the server until an
// operator opens it (HOST=0.0.0.0, behind a proxy).
describe('the address the server listens on', () => {
  const log = capturedLogger('info');
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory', logger: log.logger }); // no HOST
  });
  afterAll(async () => t.close());

  it('is loopback by default: reachable as localhost, not from another interface', async () => {
    const listening = log.lines.find((line) => line.msg.startsWith('webhook server listening on http://localhost:'));
    expect(listening).toMatchObject({ host: '127.0.0.1' });
    const port = Number(new URL(t.server.url).port);
    expect(await reachable('127.0.0.1', port)).toBe(true);
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    if (outside !== undefined) expect(await reachable(outside, port)).toBe(false);
  });
});
