/**
 * Fetches a user's file from WhatsApp in the two steps Meta prescribes: the media's metadata from the Graph
 * API, then its bytes from the short-lived URL the metadata gives (valid 5 minutes, bearer token required).
 */

import { isAxiosError, type AxiosInstance } from 'axios';
import { MediaRejectedError } from '../../domain/media-question.js';
import type { DownloadedMedia, MediaDownloader, MediaPolicy } from '../../ports/media-answer-source.js';

/** What `GET /{media-id}` tells about a file (`file_size` comes as a string). */
interface MediaMetadata {
  readonly url: string;
  readonly mimeType: string;
  readonly fileSize?: number;
}

/** The first bytes each accepted type starts with, so a file cannot claim a type it does not have. */
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

/** Content types that say nothing about the file. */
const GENERIC_TYPES: ReadonlySet<string> = new Set(['application/octet-stream', 'binary/octet-stream']);

/** `image/JPEG; q=1` → `image/jpeg`. */
const baseType = (mimeType: string): string => (mimeType.split(';')[0] ?? '').trim().toLowerCase();

const download = (message: string, httpStatus?: number): MediaRejectedError =>
  new MediaRejectedError('download', message, httpStatus);

function checkType(mimeType: string, policy: MediaPolicy, where: string): void {
  if (!policy.types.includes(baseType(mimeType))) {
    throw new MediaRejectedError('type', `${where} is "${baseType(mimeType) || 'unknown'}", accepted: ${policy.types.join(', ')}`);
  }
}

function checkSize(bytes: number, policy: MediaPolicy): void {
  if (bytes > policy.maxBytes) throw new MediaRejectedError('size', `media is ${bytes} bytes, the limit is ${policy.maxBytes}`);
}

/** Why a request failed, without its URL (the media URL is a credential for 5 minutes). */
function failure(step: string, error: unknown, policy: MediaPolicy): MediaRejectedError {
  if (!isAxiosError(error)) return download(`${step} failed: ${error instanceof Error ? error.message : String(error)}`);
  if (/maxContentLength/.test(error.message)) {
    return new MediaRejectedError('size', `media is larger than the limit of ${policy.maxBytes} bytes`);
  }
  const status = error.response?.status;
  if (status !== undefined) return download(`${step} answered HTTP ${status}`, status);
  return download(`${step} failed (${error.code ?? 'network error'})`);
}

/** Where WhatsApp serves users' media (`https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…`). */
export const META_MEDIA_HOSTS: readonly string[] = ['lookaside.fbsbx.com'];

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether the bearer token may go to `url`: an https URL on one of `allowedHosts` (http is accepted only for a
 * loopback host listed explicitly, a stand-in in tests). A Graph API answer pointing anywhere else — an internal
 * address, a metadata service — is refused before any request is made.
 */
function isAllowedMediaUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (!allowedHosts.includes(host) || parsed.username !== '' || parsed.password !== '') return false;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOST.test(host));
}

function parseMetadata(data: unknown, allowedHosts: readonly string[]): MediaMetadata {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const { url, mime_type: mimeType, file_size: size } = body;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || typeof mimeType !== 'string') {
    throw download('media metadata has no http(s) "url" or no "mime_type"');
  }
  if (!isAllowedMediaUrl(url, allowedHosts)) {
    throw download(`media URL host is not one of MEDIA_HOSTS (${allowedHosts.join(', ')}): not downloaded, the token stays here`);
  }
  const fileSize = typeof size === 'string' || typeof size === 'number' ? Number(size) : Number.NaN;
  return { url, mimeType, ...(Number.isFinite(fileSize) ? { fileSize } : {}) };
}

/**
 * The production `MediaDownloader`. `graph` is the Graph API client (base `WHATSAPP_API_URL`, bearer token);
 * `files` fetches the absolute media URL on Meta's CDN, and must carry the same bearer token and refuse
 * redirects (the shared client refuses absolute URLs). The URL must be on one of `allowedHosts`, so the token
 * never goes where a faulty or forged metadata answer points. Type and size are checked on the metadata before any
 * byte is downloaded, then again on what arrives: the download stops at `maxBytes`, and the bytes must start
 * like the type they claim.
 *
 * @example
 * const files = axios.create({ timeout: 15_000, maxRedirects: 0, headers: { Authorization: `Bearer ${token}` } });
 * const downloader = new GraphMediaDownloader({ graph, files });
 * const { bytes } = await downloader.download('1234', { types: ['image/jpeg', 'image/png'], maxBytes: 5 << 20 });
 */
export class GraphMediaDownloader implements MediaDownloader {
  private readonly allowedHosts: readonly string[];

  /** @param options.allowedHosts hosts a media URL may point at (`MEDIA_HOSTS`), lower case; default Meta's. */
  constructor(
    private readonly deps: { readonly graph: AxiosInstance; readonly files: AxiosInstance },
    options: { readonly allowedHosts?: readonly string[] } = {},
  ) {
    this.allowedHosts = options.allowedHosts ?? META_MEDIA_HOSTS;
  }

  async download(mediaId: string, policy: MediaPolicy, options: { signal?: AbortSignal } = {}): Promise<DownloadedMedia> {
    // Media ids are Meta's opaque tokens; anything else could walk the Graph API's paths.
    if (!/^[\w-]{1,128}$/.test(mediaId)) throw download('media id is not a Graph API id');
    const metadata = await this.metadata(mediaId, policy, options.signal);
    checkType(metadata.mimeType, policy, 'media type');
    if (metadata.fileSize !== undefined) checkSize(metadata.fileSize, policy);

    let data: ArrayBuffer;
    let contentType: unknown;
    try {
      ({ data, headers: { 'content-type': contentType } } = await this.deps.files.get<ArrayBuffer>(metadata.url, {
        responseType: 'arraybuffer',
        maxRedirects: 0,
        maxContentLength: policy.maxBytes,
        signal: options.signal,
      }));
    } catch (error) {
      throw failure('media download', error, policy);
    }
    const bytes = Buffer.from(data);
    checkSize(bytes.length, policy);
    // A CDN may label any file as generic bytes: then the metadata's type stands, and the signature decides.
    const served = typeof contentType === 'string' ? baseType(contentType) : '';
    const mimeType = served === '' || GENERIC_TYPES.has(served) ? baseType(metadata.mimeType) : served;
    checkType(mimeType, policy, 'downloaded media type');
    const signature = SIGNATURES[mimeType];
    if (signature && !signature.every((byte, i) => bytes[i] === byte)) {
      throw new MediaRejectedError('type', `downloaded media does not start like ${mimeType}`);
    }
    return { bytes, mimeType };
  }

  private async metadata(mediaId: string, policy: MediaPolicy, signal: AbortSignal | undefined): Promise<MediaMetadata> {
    try {
      const { data } = await this.deps.graph.get<unknown>(`/${mediaId}`, { signal });
      return parseMetadata(data, this.allowedHosts);
    } catch (error) {
      if (error instanceof MediaRejectedError) throw error;
      throw failure('media metadata', error, policy);
    }
  }
}
