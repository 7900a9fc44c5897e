/**
 * One axios client per remote (Graph API, CSS API), built once in the composition root and handed
 * to the adapters, so that connections are pooled and reused instead of opened per message.
 */

import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { undiciAdapter } from './undici-adapter.js';

/** Enough parallel sockets for a burst of replies, few enough not to exhaust a small remote. */
const MAX_SOCKETS = 64;
/** No remote of ours answers more than this; a bigger body is a fault, not a reply. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface HttpClientOptions {
  /** Base of every request, path included (e.g. `https://graph.facebook.com/v25.0`). */
  readonly baseURL: string;
  /** Time allowed for one whole request. */
  readonly timeoutMs: number;
  /** Sent with every request, e.g. `{ Authorization: 'Bearer …' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sockets kept per host: as many as calls this client may have in flight at once (default 64). */
  readonly maxSockets?: number;
  /**
   * What carries the requests under axios (`HTTP_TRANSPORT`): `undici` (the default, about half the CPU per call)
   * or `node`, axios' own node:http adapter. See `undiciAdapter`.
   */
  readonly transport?: HttpTransport;
}

export type HttpTransport = 'undici' | 'node';

/**
 * An axios instance bound to one remote: keep-alive agents, a per-request timeout, and relative URLs always joined
 * to `baseURL`. The agents get a `timeout` too: only then does Node's agent honour a server's `Keep-Alive: timeout=N`
 * and drop an idle socket a second before the server closes it. Without it, a socket the server is closing can be
 * picked for the next request, which fails with ECONNRESET (seen on a busy process: a CSS call or a media download
 * failed and the user was told the CSS was not answering). Absolute URLs and redirects are refused, so a header such as
 * the bearer token can never be sent to another host by a crafted path or a `Location`.
 *
 * @example
 * const graph = createHttpClient({
 *   baseURL: config.whatsappApiUrl,
 *   timeoutMs: 10_000,
 *   headers: { Authorization: `Bearer ${config.whatsappToken}` },
 * });
 * const sender = new GraphMessageSender({ http: graph });
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const maxSockets = options.maxSockets ?? MAX_SOCKETS;
  const agentOptions = { keepAlive: true, maxSockets, timeout: options.timeoutMs };
  return axios.create({
    ...(options.transport === 'node' ? {} : { adapter: undiciAdapter({ connections: maxSockets, maxResponseBytes: MAX_BODY_BYTES }) }),
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    headers: { ...options.headers },
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    allowAbsoluteUrls: false,
    maxContentLength: MAX_BODY_BYTES,
    maxRedirects: 0,
  });
}
