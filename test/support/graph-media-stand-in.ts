/**
 * The media half of the Graph API stand-in: `GET /{version}/{media-id}` answers Meta's metadata, whose
 * `url` points at a second loopback server (another host, as Meta's CDN is) serving the bytes to a request
 * that carries a bearer token.
 */

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the stand-in serves for a media id. */
export interface MediaFile {
  readonly bytes: Buffer;
  /** `mime_type` of the metadata, and `Content-Type` of the download unless `contentType` is given. */
  readonly mimeType: string;
  /** `file_size` of the metadata (default: the real size); lie to test the download-time limit. */
  readonly fileSize?: number;
  readonly contentType?: string;
  /** Answer the download with this status instead of the bytes (e.g. 404: the URL expired). */
  readonly downloadStatus?: number;
}

/** Which file a media id stands for; `undefined`: Meta's "object does not exist". */
export type MediaFn = (mediaId: string) => MediaFile | undefined;

/** One media request as the stand-in received it. */
export interface MediaRequest {
  readonly kind: 'metadata' | 'download';
  readonly mediaId: string;
  /** The raw `Authorization` header, e.g. `Bearer test-token`. */
  readonly authorization?: string;
}

/** The media routes, mounted by the Graph stand-in. */
export interface GraphMediaStandIn {
  readonly requests: MediaRequest[];
  setMedia(fn: MediaFn): void;
  /** Answers `GET /{media-id}` (path without the version); false when the path is not a media id. */
  handleMetadata(path: string, authorization: string | undefined, res: ServerResponse): boolean;
  close(): Promise<void>;
}

const MEDIA_ID = /^\/([\w-]+)$/;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function notFound(res: ServerResponse, mediaId: string): void {
  json(res, 400, {
    error: {
      message: `Unsupported get request. Object with ID '${mediaId}' does not exist`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: 'stand-in-trace',
    },
  });
}

/**
 * Starts the file server on a free port; `setMedia` says which file each media id is (none by default).
 *
 * @example
 * const media = await startGraphMediaStandIn();
 * media.setMedia((id) => (id === 'photo-1' ? { bytes: tinyJpeg(), mimeType: 'image/jpeg' } : undefined));
 */
export async function startGraphMediaStandIn(): Promise<GraphMediaStandIn> {
  const requests: MediaRequest[] = [];
  let mediaFn: MediaFn = () => undefined;

  const files = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const mediaId = url.searchParams.get('mid') ?? '';
    const authorization = req.headers.authorization;
    requests.push({ kind: 'download', mediaId, ...(authorization === undefined ? {} : { authorization }) });
    const file = req.method === 'GET' && url.pathname === '/whatsapp_business/attachments/' ? mediaFn(mediaId) : undefined;
    // Meta: "If you omit your token, the request will fail".
    if (!authorization?.startsWith('Bearer ')) return json(res, 401, { error: 'missing bearer token' });
    if (!file) return json(res, 404, { error: 'not found' });
    if (file.downloadStatus !== undefined) return json(res, file.downloadStatus, { error: 'stand-in status' });
    res.writeHead(200, { 'content-type': file.contentType ?? file.mimeType, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

  return {
    requests,
    setMedia: (fn) => {
      mediaFn = fn;
    },
    handleMetadata(path, authorization, res) {
      const mediaId = MEDIA_ID.exec(path)?.[1];
      if (mediaId === undefined) return false;
      requests.push({ kind: 'metadata', mediaId, ...(authorization === undefined ? {} : { authorization }) });
      const file = mediaFn(mediaId);
      if (!file) {
        notFound(res, mediaId);
        return true;
      }
      json(res, 200, {
        messaging_product: 'whatsapp',
        url: `${filesUrl}/whatsapp_business/attachments/?mid=${mediaId}&ext=1764000000&hash=ATsStandIn`,
        mime_type: file.mimeType,
        sha256: 'stand-in',
        file_size: String(file.fileSize ?? file.bytes.length),
        id: mediaId,
      });
      return true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        files.close((error) => (error ? reject(error) : resolve()));
        files.closeAllConnections();
      }),
  };
}
