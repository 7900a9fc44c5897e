import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';

/** A body that could not be read: `tooLarge` (answer 413), or the client went away or lied about its length. */
export class BodyReadError extends Error {
  override readonly name = 'BodyReadError';
  constructor(
    readonly kind: 'too-large' | 'incomplete',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body as the exact bytes sent, nothing decoded or parsed: the webhook signs these bytes, and
 * nothing about a body is worth parsing before its signature holds. A declared `Content-Length` over `limitBytes`
 * is refused before a byte is read; an undeclared one is cut off at the limit. The time a client may take is
 * bounded by the HTTP server (`BODY_TIMEOUT_MS`), which then closes the connection: this then rejects.
 *
 * @example
 * const raw = await readRawBody(ctx.req, 4 * 1024 * 1024);
 */
export async function readRawBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  try {
    return await getRawBody(request, { limit: limitBytes, length: request.headers['content-length'] ?? null });
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') throw new BodyReadError('too-large', `body over ${limitBytes} bytes`);
    throw new BodyReadError('incomplete', `body not received whole (${typeof type === 'string' ? type : 'stream error'})`);
  }
}
