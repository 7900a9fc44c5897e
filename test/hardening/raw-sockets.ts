import { connect, type Socket } from 'node:net';

/** A raw TCP connection to a test server, for requests no HTTP client would send (partial headers, trickled bodies). */
export interface RawSocket {
  readonly socket: Socket;
  /** Everything the server sent back, as text. */
  readonly received: () => string;
  /** Resolves once the server (or anyone) closed the connection. */
  readonly closed: Promise<void>;
  isClosed(): boolean;
}

/**
 * Opens a connection to `url`'s host and port, from `localAddress` when given (another loopback address plays
 * another client), and writes `first` once connected.
 *
 * @example
 * const slow = await openRaw(server.url, 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');
 */
export function openRaw(url: string, first: string, localAddress?: string): Promise<RawSocket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), ...(localAddress ? { localAddress } : {}) });
    let text = '';
    let done = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined); // a reset is one way for the server to end it
    const closed = new Promise<void>((resolveClosed) => socket.once('close', () => {
      done = true;
      resolveClosed();
    }));
    const raw: RawSocket = { socket, received: () => text, closed, isClosed: () => done };
    socket.once('connect', () => {
      socket.write(first);
      resolve(raw);
    });
    // Closed before it connected: the server would not take it (a cap), which the caller reads from `isClosed`.
    void closed.then(() => resolve(raw));
  });
}

/** Resolves true once every socket is closed, false if some are still open after `timeoutMs`. */
export async function allClosedWithin(sockets: readonly RawSocket[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const result = await Promise.race([Promise.all(sockets.map((s) => s.closed)).then(() => true as const), late]);
  clearTimeout(timer);
  return result;
}

/** Closes whatever is still open (after a test, pass or fail). */
export function destroyAll(sockets: readonly RawSocket[]): void {
  for (const s of sockets) s.socket.destroy();
}
