import type { Logger } from '../observability/logger.js';

/**
 * How a client going away shows: the socket reset, the stream closed before the request was whole (Node's HTTP
 * parser then reports an `HPE_…` code, such as `HPE_INVALID_EOF_STATE`), or the client too slow to send it.
 */
const CLIENT_GONE: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  // Too slow: HEADERS_TIMEOUT_MS or BODY_TIMEOUT_MS ran out, and Node answered 408.
  'ERR_HTTP_REQUEST_TIMEOUT',
  'ERR_HTTP_HEADERS_TIMEOUT',
]);

interface HttpErrorFields {
  readonly code?: unknown;
  readonly status?: unknown;
  readonly expose?: unknown;
}

/**
 * Logs an error the Koa app did not answer itself. A client that hung up or sent a bad request is the client's
 * business: one debug line without a stack, so that a flood of aborted requests cannot fill the log. Anything
 * else is ours: an error line with the stack.
 *
 * @example
 * app.on('error', (error: Error) => logHttpError(logger, error));
 */
export function logHttpError(logger: Logger, error: Error): void {
  const { code, status, expose } = error as HttpErrorFields;
  const clientGone = typeof code === 'string' && (CLIENT_GONE.has(code) || code.startsWith('HPE_'));
  const clientSide = clientGone || expose === true || (typeof status === 'number' && status < 500);
  if (clientSide) logger.debug({ code, status, reason: error.message }, 'HTTP request ended by the client');
  else logger.error({ err: error }, 'unhandled HTTP error');
}
