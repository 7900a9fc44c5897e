/**
 * A Graph API stand-in on 127.0.0.1: records every `POST /v25.0/{phone_number_id}/messages` and
 * answers like Meta, so senders and whole conversations are tested without the internet. It serves
 * users' media too (`GET /v25.0/{media-id}`, then the file's URL), recorded apart in `mediaRequests`.
 */

import { text } from 'node:stream/consumers';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudApiSentBody } from '../../src/adapters/whatsapp/cloud-api-body.js';
import { startGraphMediaStandIn, type MediaFn, type MediaRequest } from './graph-media-stand-in.js';

export type { MediaFile, MediaFn, MediaRequest } from './graph-media-stand-in.js';

export const GRAPH_VERSION = 'v25.0';

/** One send as the stand-in received it. */
export interface GraphRequest {
  readonly phoneNumberId: string;
  /** The raw `Authorization` header, e.g. `Bearer test-token`. */
  readonly authorization?: string;
  readonly body: CloudApiSentBody;
  /** `Date.now()` on arrival. */
  readonly receivedAt: number;
}

/** A mark-as-read call as the stand-in received it. */
export interface ReadReceipt {
  readonly phoneNumberId: string;
  readonly messageId: string;
  readonly typing: boolean;
  readonly receivedAt: number;
}

export interface GraphReply {
  readonly status: number;
  readonly body: unknown;
}

export interface GraphStandInOptions {
  /** A reply for this request, or `undefined` for Meta's usual 200. */
  readonly respond?: (request: GraphRequest) => GraphReply | undefined;
  /** Every send is answered this late (default: at once). */
  readonly delayMs?: number;
  /** A send is answered once this resolves (e.g. a gate the test opens); `undefined`: at once. */
  readonly hold?: (request: GraphRequest) => Promise<void> | undefined;
}

export interface GraphStandIn {
  /** Base to use as `WHATSAPP_API_URL`, version included: `http://127.0.0.1:PORT/v25.0`. */
  readonly baseUrl: string;
  /** Every send received so far (answered with an error or not), oldest first; media requests are not sends. */
  readonly requests: GraphRequest[];
  /** Every media request (metadata, then download), oldest first. */
  readonly mediaRequests: MediaRequest[];
  /** Read receipts (`status: "read"`, with the typing indicator or not), apart from sent messages. */
  readonly receipts: ReadReceipt[];
  /** Which file each media id stands for (none by default: Meta's "does not exist"). */
  setMedia(fn: MediaFn): void;
  /** Resolves with the requests once at least `count` arrived; rejects after `timeoutMs`, listing what did. */
  waitForRequests(count: number, timeoutMs?: number): Promise<GraphRequest[]>;
  /** Forgets the requests received so far (wamids keep counting, so they stay unique). */
  reset(): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = new RegExp(`^/${GRAPH_VERSION.replace('.', '\\.')}/([^/]+)/messages$`);

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function metaError(code: number, message: string): { error: object } {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'stand-in-trace' } };
}

/** The address a body was sent to: `to` or `recipient`. */
function addressOf(body: CloudApiSentBody): string {
  return body.to ?? body.recipient ?? '';
}

/**
 * What the user would see for each request (to `to`, a phone number or user id, when given): a
 * text's body, or an interactive body then a line of `[id:title]` choices (list rows included).
 *
 * @example
 * expect(textsOf(graph.requests, '221771234567')).toEqual(['Bienvenue …\n[menu:Menu] [aide:Aide] [contact:Contact]']);
 */
export function textsOf(requests: readonly GraphRequest[], to?: string): string[] {
  return requests
    .filter((request) => to === undefined || addressOf(request.body) === to)
    .map(({ body }) => {
      if (body.type === 'text') return body.text.body;
      const { interactive } = body;
      const choices =
        interactive.type === 'button'
          ? interactive.action.buttons.map((b) => b.reply)
          : interactive.action.sections.flatMap((section) => section.rows);
      return `${interactive.body.text}\n${choices.map((c) => `[${c.id}:${c.title}]`).join(' ')}`;
    });
}

/** One line per request for failure messages; never throws, even on a body of an unknown shape. */
function describe(request: GraphRequest): string {
  try {
    return `${addressOf(request.body)} ← ${JSON.stringify(textsOf([request])[0])}`;
  } catch {
    return JSON.stringify(request.body);
  }
}

/**
 * Starts the stand-in on a free port.
 *
 * @example
 * const graph = await startGraphStandIn();
 * const http = createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: { Authorization: 'Bearer t' } });
 * // … drive the bot …
 * const [sent] = await graph.waitForRequests(1);
 * await graph.close();
 */
export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const requests: GraphRequest[] = [];
  const receipts: ReadReceipt[] = [];
  const media = await startGraphMediaStandIn();
  /** Pending `waitForRequests` calls: each re-checks on arrival; `fail` is for `close()`. */
  const waiters = new Map<() => void, (reason: string) => void>();
  let sent = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const match = req.method === 'POST' ? MESSAGES_PATH.exec(req.url ?? '') : null;
      const raw = await text(req);
      const versioned = (req.url ?? '').split('?')[0]?.replace(`/${GRAPH_VERSION}`, '') ?? '';
      if (req.method === 'GET' && media.handleMetadata(versioned, req.headers.authorization, res)) return;
      if (!match?.[1]) return reply(res, 404, metaError(100, `Unknown path components: ${req.method} ${req.url}`));
      let body: CloudApiSentBody;
      try {
        body = JSON.parse(raw) as CloudApiSentBody;
      } catch {
        return reply(res, 400, metaError(100, 'Invalid JSON body'));
      }
      const receipt = body as unknown as { status?: string; message_id?: string; typing_indicator?: unknown };
      if (receipt.status === 'read') {
        const phoneNumberId = decodeURIComponent(match[1]);
        receipts.push({ phoneNumberId, messageId: String(receipt.message_id), typing: receipt.typing_indicator !== undefined, receivedAt: Date.now() });
        return reply(res, 200, { success: true });
      }
      const request: GraphRequest = {
        phoneNumberId: decodeURIComponent(match[1]),
        ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
        body,
        receivedAt: Date.now(),
      };
      requests.push(request);
      for (const wake of [...waiters.keys()]) wake();
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      await options.hold?.(request);
      const custom = options.respond?.(request);
      if (custom) return reply(res, custom.status, custom.body);
      sent += 1;
      const input = addressOf(body);
      reply(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input, wa_id: input }],
        messages: [{ id: `wamid.out.${sent}` }],
      });
    })().catch((error: unknown) => reply(res, 500, metaError(1, String(error))));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function waitForRequests(count: number, timeoutMs = 5000): Promise<GraphRequest[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (requests.length < count) return;
        clearTimeout(deadline);
        waiters.delete(check);
        resolve([...requests]);
      };
      const fail = (why: string): void => {
        clearTimeout(deadline);
        waiters.delete(check);
        const seen = requests.map((request, i) => `  ${i + 1}. ${describe(request)}`);
        reject(new Error(`Graph stand-in: expected ${count} request(s) ${why}, got ${requests.length}${seen.length ? `:\n${seen.join('\n')}` : ''}`));
      };
      const deadline = setTimeout(() => fail(`within ${timeoutMs} ms`), timeoutMs);
      waiters.set(check, fail);
      check();
    });
  }

  return {
    baseUrl: `http://127.0.0.1:${port}/${GRAPH_VERSION}`,
    requests,
    mediaRequests: media.requests,
    receipts,
    setMedia: (fn) => media.setMedia(fn),
    waitForRequests,
    reset: () => {
      requests.length = 0;
      media.requests.length = 0;
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        for (const fail of [...waiters.values()]) fail('before the stand-in closed');
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await media.close();
    },
  };
}
