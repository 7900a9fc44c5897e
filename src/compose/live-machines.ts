import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { machines } from '../../machines/index.js';
import { CssAnswerSource } from '../adapters/css/css-answer-source.js';
import { CssFileStatusSource } from '../adapters/css/css-file-status-source.js';
import { CssMediaAnswerSource } from '../adapters/css/css-media-answer-source.js';
import { createHttpClient } from '../adapters/http/create-http-client.js';
import { GraphMediaDownloader } from '../adapters/whatsapp/graph-media-downloader.js';
import type { Config } from '../config/config.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import { provideEffects, type Effects } from '../engine/provide-effects.js';
import { instrumentHttp } from '../observability/instrument-http.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * Every registered machine with its real effects (the CSS API clients) and configured delays: what the server
 * and `npm run chat` run, built the same way for both.
 *
 * @example
 * const live = liveMachines(config, metrics); live['css-assistant'].machine // askQuestion calls CSS_API_URL
 */
export function liveMachines(
  config: Config,
  metrics?: Metrics,
  /** The machines to equip; the registry by default (`npm run chat --watch` passes a freshly loaded one). */
  registry: Readonly<Record<string, MachineDefinition>> = machines,
): Record<string, MachineDefinition> {
  const css = createHttpClient({ baseURL: config.cssApiUrl, timeoutMs: config.cssApiTimeoutMs });
  if (metrics) instrumentHttp(css, metrics.cssSeconds);
  const effects: Partial<Effects> = {
    answers: new CssAnswerSource({ http: css }),
    files: new CssFileStatusSource({ http: css, path: config.cssApiFileStatusPath }),
    // Without a token no file can be fetched: askAboutMedia stays the machine's failing placeholder, which apologises.
    ...(config.whatsappToken && { media: mediaAnswers(config, config.whatsappToken, css) }),
  };
  const delays = { menuNudge: config.menuNudgeSeconds * 1000 };
  return Object.fromEntries(
    Object.entries(registry).map(([id, definition]) => [id, provideEffects(definition, effects, delays)]),
  );
}

/** Photos and PDFs: fetched from WhatsApp with the token, then posted to the CSS API's multimodal endpoints. */
function mediaAnswers(config: Config, token: string, css: AxiosInstance): CssMediaAnswerSource {
  const authorization = { Authorization: `Bearer ${token}` };
  const graph = createHttpClient({ baseURL: config.whatsappApiUrl, timeoutMs: config.cssApiTimeoutMs, headers: authorization });
  // The media URL is absolute and on Meta's CDN, which the shared client refuses: a client of its own, that
  // follows no redirect, so the token goes only to the URL the Graph API gave.
  const agentOptions = { keepAlive: true, maxSockets: 16 };
  const files = axios.create({
    timeout: config.cssApiTimeoutMs,
    headers: authorization,
    maxRedirects: 0,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
  });
  return new CssMediaAnswerSource(
    { http: css, downloader: new GraphMediaDownloader({ graph, files }) },
    {
      imagePath: config.cssApiImagePath,
      documentPath: config.cssApiDocumentPath,
      maxBytes: config.mediaMaxBytes,
      timeoutMs: config.cssApiTimeoutMs,
    },
  );
}
