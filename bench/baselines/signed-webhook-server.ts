/**
 * What both of the bench's yardsticks share (`baseline-server.ts`, `bare-bot.ts`): a bare `node:http` server that
 * reads the whole body, checks `X-Hub-Signature-256` over its bytes, answers 401 when it does not match, and hands a
 * signed body on. The least a correct webhook endpoint does, so the project is measured against it.
 */

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';

function signatureMatches(secret: string, body: Buffer, header: string | undefined): boolean {
  const hex = header?.startsWith('sha256=') ? header.slice(7) : '';
  const expected = Buffer.from(hex, 'hex');
  const actual = createHmac('sha256', secret).update(body).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * @example
 * const server = signedWebhookServer(secret, (body, signature, res) => res.writeHead(200).end());
 */
export function signedWebhookServer(secret: string, onSigned: (body: Buffer, signature: string, res: ServerResponse) => void): Server {
  return createServer((req, res) => {
    buffer(req).then(
      (body) => {
        const header = req.headers['x-hub-signature-256'];
        const signature = typeof header === 'string' ? header : undefined;
        if (signature === undefined || !signatureMatches(secret, body, signature)) res.writeHead(401).end();
        else onSigned(body, signature, res);
      },
      () => res.destroy(),
    );
  });
}
