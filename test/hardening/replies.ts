import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import type { TestServer } from '../support/test-server.js';

/**
 * What user `to` has received once `done` says it is enough; fails after `timeoutMs` with what did arrive.
 *
 * @example
 * const texts = await textsOnceSeen(t, '221770000001', (seen) => seen.length >= 2);
 */
export async function textsOnceSeen(t: TestServer, to: string, done: (texts: string[]) => boolean, timeoutMs = 5000): Promise<string[]> {
  try {
    await eventually(() => done(textsOf(t.graph.requests, to)), timeoutMs);
  } catch {
    throw new Error(`not enough replies to ${to} within ${timeoutMs} ms: ${JSON.stringify(textsOf(t.graph.requests, to))}`);
  }
  return textsOf(t.graph.requests, to);
}
