import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import axios from 'axios';
import { CssMediaAnswerSource, type CssMediaOptions } from '../../../src/adapters/css/css-media-answer-source.js';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { GraphMediaDownloader } from '../../../src/adapters/whatsapp/graph-media-downloader.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { MediaRejectedError } from '../../../src/domain/media-question.js';
import { startCssStandIn, type CssStandIn } from '../../support/css-stand-in.js';
import { startGraphStandIn, type GraphStandIn } from '../../support/graph-stand-in.js';
import { tinyJpeg, tinyPdf } from '../../support/media-fixtures.js';

let graph: GraphStandIn;
let css: CssStandIn;
const jpeg = tinyJpeg();
const pdf = tinyPdf();

beforeEach(async () => {
  [graph, css] = await Promise.all([startGraphStandIn(), startCssStandIn()]);
  graph.setMedia((id) =>
    ({
      'photo-1': { bytes: jpeg, mimeType: 'image/jpeg' },
      'doc-1': { bytes: pdf, mimeType: 'application/pdf' },
      'big-photo': { bytes: jpeg, mimeType: 'image/jpeg', fileSize: 5 * 1024 * 1024 + 1 },
      'word-1': { bytes: Buffer.from('PK\u0003\u0004'), mimeType: 'application/msword' },
    })[id],
  );
});

afterEach(async () => {
  await Promise.all([graph.close(), css.close()]);
});

function source(options: CssMediaOptions = {}): CssMediaAnswerSource {
  const authorization = { Authorization: 'Bearer media-token' };
  const downloader = new GraphMediaDownloader({
    graph: createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: authorization }),
    files: axios.create({ timeout: 2000, maxRedirects: 0, headers: authorization }),
  }, { allowedHosts: ['127.0.0.1'] }); // the stand-in's files server stands for Meta's CDN
  return new CssMediaAnswerSource({ http: createHttpClient({ baseURL: css.url, timeoutMs: 2000 }), downloader }, options);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect('resolved').toBe('rejected'), (e: unknown) => e);
}

describe('CssMediaAnswerSource', () => {
  it('posts the photo as multipart: the bytes, its name and type, and the caption as the question', async () => {
    css.setMediaAnswer((upload) => `Vu ${upload.bytes.length} octets : ${upload.question}`);
    const answer = await source().askAboutMedia({ media: 'image', mediaId: 'photo-1', question: 'Ce reçu est-il valable ?' });
    expect(answer).toBe(`Vu ${jpeg.length} octets : Ce reçu est-il valable ?`);
    const [upload] = css.mediaUploads;
    expect(upload).toMatchObject({ path: '/ask-image', question: 'Ce reçu est-il valable ?', filename: 'image.jpg', contentType: 'image/jpeg' });
    expect(upload?.bytes.equals(jpeg)).toBe(true);
  });

  it('posts a PDF to the document path, under its own file name, with the default question when none is given', async () => {
    await source().askAboutMedia({ media: 'document', mediaId: 'doc-1', filename: '../../Relevé (2026).pdf', question: '  ' });
    const [upload] = css.mediaUploads;
    expect(upload).toMatchObject({
      path: '/ask-document',
      filename: 'Relevé (2026).pdf',
      contentType: 'application/pdf',
      question: 'Que pouvez-vous me dire sur ce document ?',
    });
    expect(upload?.bytes.equals(pdf)).toBe(true);
  });

  it('uses the configured paths', async () => {
    const media = source({ imagePath: '/v2/image', documentPath: '/v2/pdf' });
    await media.askAboutMedia({ media: 'image', mediaId: 'photo-1', question: 'A' });
    await media.askAboutMedia({ media: 'document', mediaId: 'doc-1', question: 'B' });
    expect(css.mediaUploads.map((u) => u.path)).toEqual(['/v2/image', '/v2/pdf']);
  });

  it.each([
    ['an image over 5 MB', 'big-photo', 'image', 'size'],
    ['a Word file sent as a document', 'word-1', 'document', 'type'],
  ] as const)('refuses %s without calling the CSS API', async (_, mediaId, media, reason) => {
    const error = await failure(source().askAboutMedia({ media, mediaId, question: 'Q' }));
    expect(error).toBeInstanceOf(MediaRejectedError);
    expect(error).toMatchObject({ reason });
    expect(css.mediaUploads).toEqual([]);
  });

  it('applies MEDIA_MAX_BYTES to documents', async () => {
    const error = await failure(source({ maxBytes: 100 }).askAboutMedia({ media: 'document', mediaId: 'doc-1', question: 'Q' }));
    expect(error).toMatchObject({ name: 'MediaRejectedError', reason: 'size' });
  });

  it('rejects a CSS API error as AnswerUnavailableError', async () => {
    css.setMediaAnswer(() => ({ status: 503, body: { detail: 'busy' } }));
    const error = await failure(source().askAboutMedia({ media: 'image', mediaId: 'photo-1', question: 'Q' }));
    expect(error).toBeInstanceOf(AnswerUnavailableError);
    expect(error).toMatchObject({ reason: 'http-status', httpStatus: 503 });
  });

  it('rejects a 200 without an answer as bad-reply', async () => {
    css.setMediaAnswer(() => ({ status: 200, body: { answer: '' } }));
    const error = await failure(source().askAboutMedia({ media: 'image', mediaId: 'photo-1', question: 'Q' }));
    expect(error).toMatchObject({ name: 'AnswerUnavailableError', reason: 'bad-reply' });
  });

  it('keeps download and upload within one deadline', async () => {
    css.setMediaAnswer(() => ({ delayMs: 2000, answer: 'trop tard' }));
    const started = Date.now();
    const error = await failure(source({ timeoutMs: 300 }).askAboutMedia({ media: 'image', mediaId: 'photo-1', question: 'Q' }));
    expect(error).toMatchObject({ name: 'AnswerUnavailableError', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
