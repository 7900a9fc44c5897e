import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import axios from 'axios';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { GraphMediaDownloader } from '../../../src/adapters/whatsapp/graph-media-downloader.js';
import { MediaRejectedError } from '../../../src/domain/media-question.js';
import type { DownloadedMedia } from '../../../src/ports/media-answer-source.js';
import { startGraphStandIn, type GraphStandIn, type MediaFile } from '../../support/graph-stand-in.js';
import { tinyJpeg, tinyPdf } from '../../support/media-fixtures.js';

const TOKEN = 'media-test-token';
const IMAGES = { types: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 };
const PDF = { types: ['application/pdf'], maxBytes: 10 * 1024 * 1024 };

let graph: GraphStandIn;

beforeEach(async () => {
  graph = await startGraphStandIn();
});

afterEach(async () => {
  await graph.close();
});

function serve(files: Record<string, MediaFile>): void {
  graph.setMedia((id) => files[id]);
}

function downloader(token = TOKEN): GraphMediaDownloader {
  const authorization = { Authorization: `Bearer ${token}` };
  return new GraphMediaDownloader({
    graph: createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: authorization }),
    files: axios.create({ timeout: 2000, maxRedirects: 0, headers: authorization }),
  }, { allowedHosts: ['127.0.0.1'] }); // the stand-in's files server stands for Meta's CDN
}

async function rejection(promise: Promise<unknown>): Promise<MediaRejectedError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(MediaRejectedError);
  return error as MediaRejectedError;
}

const kinds = () => graph.mediaRequests.map((r) => `${r.kind} ${r.mediaId}`);

describe('GraphMediaDownloader', () => {
  it('reads the metadata then downloads the bytes from the URL it gives, with the bearer token both times', async () => {
    const jpeg = tinyJpeg();
    serve({ 'photo-1': { bytes: jpeg, mimeType: 'image/jpeg' } });
    const file = await downloader().download('photo-1', IMAGES);
    expect(file.mimeType).toBe('image/jpeg');
    expect(file.bytes.equals(jpeg)).toBe(true);
    expect(kinds()).toEqual(['metadata photo-1', 'download photo-1']);
    expect(graph.mediaRequests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(graph.requests).toEqual([]); // media requests are not sends
  });

  it('downloads a PDF', async () => {
    const pdf = tinyPdf();
    serve({ 'doc-1': { bytes: pdf, mimeType: 'application/pdf' } });
    const file: DownloadedMedia = await downloader().download('doc-1', PDF);
    expect(file).toEqual({ bytes: pdf, mimeType: 'application/pdf' });
  });

  it('refuses a file too big by its declared file_size before downloading it', async () => {
    serve({ big: { bytes: tinyJpeg(), mimeType: 'image/jpeg', fileSize: 6 * 1024 * 1024 } });
    const error = await rejection(downloader().download('big', IMAGES));
    expect(error.reason).toBe('size');
    expect(error.message).toContain('6291456');
    expect(kinds()).toEqual(['metadata big']);
  });

  it('stops a download that grows past the limit when file_size understated it', async () => {
    serve({ liar: { bytes: Buffer.concat([tinyPdf(), Buffer.alloc(4096, 0x20)]), mimeType: 'application/pdf', fileSize: 100 } });
    const error = await rejection(downloader().download('liar', { ...PDF, maxBytes: 1024 }));
    expect(error.reason).toBe('size');
    expect(kinds()).toEqual(['metadata liar', 'download liar']);
  });

  it('refuses a type the policy does not accept before downloading it', async () => {
    serve({ sticker: { bytes: Buffer.from('RIFF....WEBP'), mimeType: 'image/webp' } });
    const error = await rejection(downloader().download('sticker', IMAGES));
    expect(error.reason).toBe('type');
    expect(error.message).toContain('image/webp');
    expect(kinds()).toEqual(['metadata sticker']);
  });

  it('refuses bytes that are not what their type claims', async () => {
    serve({ fake: { bytes: Buffer.from('<html>not a pdf</html>'), mimeType: 'application/pdf' } });
    expect((await rejection(downloader().download('fake', PDF))).reason).toBe('type');
  });

  it('refuses a download served with another content type than announced', async () => {
    serve({ swapped: { bytes: tinyJpeg(), mimeType: 'image/jpeg', contentType: 'text/html' } });
    expect((await rejection(downloader().download('swapped', IMAGES))).reason).toBe('type');
  });

  it('trusts the metadata and the bytes when the download is labelled as generic bytes', async () => {
    serve({ generic: { bytes: tinyPdf(), mimeType: 'application/pdf', contentType: 'application/octet-stream' } });
    expect((await downloader().download('generic', PDF)).mimeType).toBe('application/pdf');
    serve({ disguised: { bytes: tinyJpeg(), mimeType: 'application/pdf', contentType: 'application/octet-stream' } });
    expect((await rejection(downloader().download('disguised', PDF))).reason).toBe('type');
  });

  it('fails with reason download when the URL answers 404 (expired)', async () => {
    serve({ expired: { bytes: tinyJpeg(), mimeType: 'image/jpeg', downloadStatus: 404 } });
    const error = await rejection(downloader().download('expired', IMAGES));
    expect(error).toMatchObject({ reason: 'download', httpStatus: 404 });
    expect(error.message).not.toContain('http://'); // the URL is a credential for 5 minutes
  });

  it('fails with reason download when the media id is unknown to the Graph API', async () => {
    serve({});
    const error = await rejection(downloader().download('12345', IMAGES));
    expect(error).toMatchObject({ reason: 'download', httpStatus: 400 });
    expect(kinds()).toEqual(['metadata 12345']);
  });

  it('never puts the token in its errors', async () => {
    serve({ expired: { bytes: tinyJpeg(), mimeType: 'image/jpeg', downloadStatus: 401 } });
    const error = await rejection(downloader().download('expired', IMAGES));
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(TOKEN);
  });

  it('refuses a media id that is not a Graph id without any request', async () => {
    expect((await rejection(downloader().download('../me/messages', IMAGES))).reason).toBe('download');
    expect(graph.mediaRequests).toEqual([]);
  });

  it('gives up when aborted', async () => {
    serve({ 'photo-1': { bytes: tinyJpeg(), mimeType: 'image/jpeg' } });
    const error = await rejection(downloader().download('photo-1', IMAGES, { signal: AbortSignal.abort() }));
    expect(error.reason).toBe('download');
  });
});
