import type { IncomingMessage } from 'node:http';

/** A form that cannot be read; `status` is the HTTP answer (413, 415 or 400). */
export class FormError extends Error {
  override readonly name = 'FormError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a small `application/x-www-form-urlencoded` body. The app's body parser only parses JSON, so the
 * login form reads its own body here, refusing anything larger than `limitBytes` before reading it whole.
 *
 * @example
 * const token = (await readForm(ctx.req, 2048)).get('token') ?? '';
 */
export async function readForm(request: IncomingMessage, limitBytes: number): Promise<URLSearchParams> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new FormError(415, 'expected an application/x-www-form-urlencoded form');
  }
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) throw new FormError(413, 'form too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new FormError(413, 'form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
