/**
 * The production `MessageSender`: one Cloud API call per message, with Meta's refusals turned into
 * `GraphApiError`s that say whether a retry can help (reference §6).
 */

import { isAxiosError, type AxiosError, type AxiosInstance } from 'axios';
import { DeliveryUnknownError, GraphApiError } from '../../domain/errors.js';
import type { OutboundMessage, Recipient } from '../../domain/outbound.js';
import { assertWithinLimits } from '../../domain/validate-outbound.js';
import type { MessageSender } from '../../ports/message-sender.js';
import type { ReadReceipts } from '../../ports/read-receipts.js';
import { withCallDeadline } from '../http/call-deadline.js';
import { toCloudApiBody } from './cloud-api-body.js';

/** Meta codes that mean "try again later": rate limits, throughput, outages, maintenance. */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([130429, 131056, 131000, 131016, 80007, 4, 2, 131057]);
/** Meta codes that no retry will fix: bad request, closed 24 h window, token, policy, test list. */
const FINAL_CODES: ReadonlySet<number> = new Set([100, 131026, 131047, 190, 368, 131030, 131008, 131009, 131051]);
/** A Graph API node id; anything else (`..`, `a/b`) would put the call outside `{version}/{id}/messages`. */
const GRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Failures before the request could leave: nothing reached Meta, so trying again cannot duplicate anything. */
const NEVER_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What Meta puts in an error reply's `error` object (the fields we read). */
interface GraphErrorBody {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly fbtrace_id?: unknown;
}

/** Success reply: `messages[0].id` is the wamid that status webhooks will name. */
interface GraphSendReply {
  readonly messages?: ReadonlyArray<{ readonly id?: unknown } | null>;
}

function wamidOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as GraphSendReply).messages?.[0]?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Whether trying again can help. Meta's code decides when known; otherwise a 5xx or 429 (the
 * remote is overloaded) can, another 4xx cannot.
 */
export function isRetryable(httpStatus: number | undefined, code: number | undefined): boolean {
  if (code !== undefined && FINAL_CODES.has(code)) return false;
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  if (httpStatus === undefined) return true;
  return httpStatus >= 500 || httpStatus === 429;
}

function errorBodyOf(error: AxiosError): GraphErrorBody | undefined {
  const data: unknown = error.response?.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const body: unknown = data.error;
  return typeof body === 'object' && body !== null ? (body as GraphErrorBody) : undefined;
}

/** Removes every occurrence of `secret` from `text` (Meta echoes some inputs back in messages). */
function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

/** The bearer token this request carried, so that it can be kept out of messages. */
function tokenOf(error: AxiosError): string | undefined {
  const header: unknown = error.config?.headers?.get('Authorization');
  return typeof header === 'string' ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
}

/**
 * Whether the request surely never reached the Graph API: it could not connect, or a kept-alive connection being
 * reused was reset before any answer (the server had closed it as idle without reading the request: Node's
 * documented case for trying again).
 */
function neverSent(error: AxiosError): boolean {
  if (error.code !== undefined && NEVER_SENT.has(error.code)) return true;
  const reusedSocket = (error.request as { reusedSocket?: unknown } | undefined)?.reusedSocket === true;
  return reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
}

/**
 * A `GraphApiError` carrying status, Meta's code, `fbtrace_id` and retryability, never the
 * token. The axios error is not attached as `cause`: its config holds the Authorization header.
 */
function toGraphApiError(error: unknown, phoneNumberId: string): GraphApiError | DeliveryUnknownError {
  if (!isAxiosError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new GraphApiError(`Graph API send from ${phoneNumberId} failed: ${detail}`, false);
  }
  const token = tokenOf(error);
  const status = error.response?.status;
  if (status === undefined) {
    const reason = redact(`${error.code ?? 'network error'}: ${error.message}`, token);
    // Sent but unanswered (a timeout, a cut connection): Meta may have delivered it, so it is not tried again.
    if (!neverSent(error)) {
      return new DeliveryUnknownError(`Graph API send from ${phoneNumberId} got no reply, it may have been delivered (${reason})`);
    }
    return new GraphApiError(`Graph API send from ${phoneNumberId} could not be made (${reason})`, true);
  }
  const body = errorBodyOf(error);
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const fbtraceId = typeof body?.fbtrace_id === 'string' ? body.fbtrace_id : undefined;
  const metaMessage = typeof body?.message === 'string' ? `: ${body.message}` : '';
  const message = redact(
    `Graph API refused a send from ${phoneNumberId}: HTTP ${status}${code !== undefined ? `, code ${code}` : ''}${metaMessage}`,
    token,
  );
  return new GraphApiError(message, isRetryable(status, code), status, code, fbtraceId);
}

function checkPathId(phoneNumberId: string): void {
  if (!GRAPH_ID.test(phoneNumberId)) throw new GraphApiError('phone_number_id is not a Graph API id: nothing sent', false);
}

/**
 * Sends through `POST {WHATSAPP_API_URL}/{phone_number_id}/messages`. The axios instance it is
 * given carries the base URL (version included) and the `Authorization: Bearer` header; see
 * `createHttpClient`. Limits are checked first, so a broken message never costs a call. A send that got
 * no answer rejects with `DeliveryUnknownError` (never retried: Meta may have delivered it); one that could
 * not leave (connection refused, name not resolved) with a retryable `GraphApiError`.
 *
 * @example
 * const sender = new GraphMessageSender({ http: graphClient });
 * const { wamid } = await sender.send({ phoneNumberId: '1065', to: '221771234567' }, { type: 'text', text: 'Bonjour' });
 */
export class GraphMessageSender implements MessageSender, ReadReceipts {
  /**
   * @param deps.timeoutMs time allowed for a whole call (`WHATSAPP_API_TIMEOUT_MS`). axios' own `timeout` only
   *   notices a silent connection; this one also ends an answer that trickles in byte by byte.
   */
  constructor(private readonly deps: { readonly http: AxiosInstance; readonly timeoutMs?: number }) {}

  /** Posts to `{phone_number_id}/messages` within the whole-call deadline. */
  private post(path: string, body: unknown): Promise<{ data: unknown }> {
    return withCallDeadline(this.deps.timeoutMs, undefined, (signal) => this.deps.http.post<unknown>(path, body, signal ? { signal } : {}));
  }

  async send(recipient: Recipient, message: OutboundMessage): Promise<{ readonly wamid?: string }> {
    assertWithinLimits(message);
    checkPathId(recipient.phoneNumberId);
    const body = toCloudApiBody(recipient, message);
    // Relative, no leading slash: axios appends it to the base path (`…/v25.0/{id}/messages`).
    const path = `${encodeURIComponent(recipient.phoneNumberId)}/messages`;
    let data: unknown;
    try {
      ({ data } = await this.post(path, body));
    } catch (error) {
      throw toGraphApiError(error, recipient.phoneNumberId);
    }
    const wamid = wamidOf(data);
    return wamid ? { wamid } : {};
  }

  async markRead(phoneNumberId: string, wamid: string, options: { readonly typing: boolean }): Promise<void> {
    checkPathId(phoneNumberId);
    const body = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
      ...(options.typing ? { typing_indicator: { type: 'text' } } : {}),
    };
    try {
      await this.post(`${encodeURIComponent(phoneNumberId)}/messages`, body);
    } catch (error) {
      throw toGraphApiError(error, phoneNumberId);
    }
  }
}
