import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CssFileStatusSource } from '../../../src/adapters/css/css-file-status-source.js';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { startCssStandIn, type CssStandIn } from '../../support/css-stand-in.js';

describe('CssFileStatusSource', () => {
  let css: CssStandIn;
  let files: CssFileStatusSource;
  beforeAll(async () => {
    css = await startCssStandIn();
    files = new CssFileStatusSource({ http: createHttpClient({ baseURL: css.url, timeoutMs: 1000 }), path: '/pension-file-status' });
  });
  afterAll(async () => css.close());

  it('returns the status of a known file and sends the registration number', async () => {
    css.setFileStatus(() => ({ status: 200, body: { found: true, status: 'Payée', updatedAt: '2026-10-30' } }));
    expect(await files.status('1234567A')).toEqual({ found: true, status: 'Payée', updatedAt: '2026-10-30' });
    expect(css.fileQueries.at(-1)).toBe('1234567A');
  });

  it.each([
    ['found: false', { status: 200, body: { found: false } }],
    ['a 404 that says found: false', { status: 404, body: { found: false } }],
  ])('says a file is unknown on %s', async (_case, reply) => {
    css.setFileStatus(() => reply);
    expect(await files.status('7654321')).toEqual({ found: false });
  });

  it.each([
    ['an HTTP 500', { status: 500, body: { detail: 'boom' } }, 'http-status'],
    ['a 404 from a path the API does not serve', { status: 404, body: { detail: 'Not Found' } }, 'http-status'],
    ['a reply without "found"', { status: 200, body: { status: 'x' } }, 'bad-reply'],
  ])('fails with a typed error on %s', async (_case, reply, reason) => {
    css.setFileStatus(() => reply);
    await expect(files.status('1234567')).rejects.toMatchObject({ name: AnswerUnavailableError.name, reason });
  });
});
