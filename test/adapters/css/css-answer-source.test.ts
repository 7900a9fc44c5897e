import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { CssAnswerSource } from '../../../src/adapters/css/css-answer-source.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { startCssStandIn, type CssStandIn } from '../../support/css-stand-in.js';

let css: CssStandIn;

beforeEach(async () => {
  css = await startCssStandIn();
});

afterEach(async () => {
  await css.close();
});

function sourceFor(url: string, timeoutMs = 2000): CssAnswerSource {
  return new CssAnswerSource({ http: createHttpClient({ baseURL: url, timeoutMs }) });
}

async function failure(promise: Promise<string>): Promise<AnswerUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AnswerUnavailableError);
  return error as AnswerUnavailableError;
}

/** A port nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('CssAnswerSource', () => {
  it('posts the question and resolves the answer', async () => {
    await expect(sourceFor(css.url).ask('Comment cotiser ?')).resolves.toBe('Réponse CSS à : Comment cotiser ?');
    expect(css.questions).toEqual(['Comment cotiser ?']);
  });

  it('keeps French accents and symbols intact both ways', async () => {
    css.setAnswer((q) => `Reçu « ${q} » — à bientôt ✅`);
    const question = 'Où déposer ma déclaration ? Ça coûte 10 000 F CFA ?';
    await expect(sourceFor(css.url).ask(question)).resolves.toBe(`Reçu « ${question} » — à bientôt ✅`);
    expect(css.questions).toEqual([question]);
  });

  it('rejects an HTTP error status with reason http-status', async () => {
    css.setAnswer(() => ({ status: 500, body: { detail: 'Internal Server Error' } }));
    const error = await failure(sourceFor(css.url).ask('Question'));
    expect(error).toMatchObject({ reason: 'http-status', httpStatus: 500 });
  });

  it('rejects a slow answer with reason timeout', async () => {
    css.setAnswer(() => ({ delayMs: 10_000, answer: 'trop tard' }));
    const error = await failure(sourceFor(css.url, 100).ask('Question lente'));
    expect(error.reason).toBe('timeout');
  });

  it("rejects with reason timeout when the caller's signal aborts", async () => {
    let arrived!: () => void;
    const questionArrived = new Promise<void>((resolve) => (arrived = resolve));
    css.setAnswer(() => {
      arrived();
      return new Promise<string>(() => undefined); // never answers
    });
    const controller = new AbortController();
    const pending = sourceFor(css.url).ask('Question', { signal: controller.signal });
    await questionArrived;
    controller.abort();
    expect((await failure(pending)).reason).toBe('timeout');
  });

  it('rejects a refused connection with reason network', async () => {
    const error = await failure(sourceFor(await closedPortUrl()).ask('Question'));
    expect(error.reason).toBe('network');
  });

  it.each([
    ['a body that is not JSON', { status: 200, body: '<html>oops</html>' }],
    ['JSON without answer', { status: 200, body: { result: 'x' } }],
    ['a non-string answer', { status: 200, body: { answer: 42 } }],
  ])('rejects %s with reason bad-reply', async (_label, reply) => {
    css.setAnswer(() => reply);
    const error = await failure(sourceFor(css.url).ask('Question'));
    expect(error.reason).toBe('bad-reply');
  });

  it('resolves an empty answer as "" (the CSS found none), so the machine can say so', async () => {
    css.setAnswer(() => ({ status: 200, body: { answer: '  ' } }));
    await expect(sourceFor(css.url).ask('Question')).resolves.toBe('');
  });

  it('keeps the question out of error messages', async () => {
    css.setAnswer(() => ({ status: 502, body: 'Bad Gateway' }));
    const error = await failure(sourceFor(css.url).ask('Mon numéro secret 7777'));
    expect(error.message).not.toContain('7777');
  });
});

