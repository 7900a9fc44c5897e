import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import { createHttpClient } from '../adapters/http/create-http-client.js';
import { GraphMediaDownloader } from '../adapters/whatsapp/graph-media-downloader.js';
import type { Config } from '../config/config.js';

/**
 * What effects fetch users' files with: the Graph API for a media id's URL, then the file itself, both with the
 * WhatsApp token; `undefined` without `WHATSAPP_TOKEN` (no file can be fetched).
 *
 * @example
 * const downloader = mediaDownloaderFrom(config, config.cssApiTimeoutMs);
 */
export function mediaDownloaderFrom(config: Config, timeoutMs: number): GraphMediaDownloader | undefined {
  const token = config.whatsappToken;
  if (!token) return undefined;
  const authorization = { Authorization: `Bearer ${token}` };
  const graph = createHttpClient({ baseURL: config.whatsappApiUrl, timeoutMs, headers: authorization, transport: config.httpTransport });
  // The media URL is absolute and on Meta's CDN, which the shared client refuses: a client of its own, that
  // follows no redirect, so the token goes only to the URL the Graph API gave.
  // `timeout` lets the agent honour the file server's Keep-Alive hint (see createHttpClient).
  const agentOptions = { keepAlive: true, maxSockets: 16, timeout: timeoutMs };
  const files = axios.create({
    timeout: timeoutMs,
    headers: authorization,
    maxRedirects: 0,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
  });
  return new GraphMediaDownloader({ graph, files }, { allowedHosts: config.mediaHosts });
}
