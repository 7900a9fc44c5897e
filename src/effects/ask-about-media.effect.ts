import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import { CssMediaAnswerSource } from '../adapters/css/css-media-answer-source.js';
import { createHttpClient } from '../adapters/http/create-http-client.js';
import { GraphMediaDownloader } from '../adapters/whatsapp/graph-media-downloader.js';
import type { MediaQuestion } from '../domain/media-question.js';
import { toWhatsApp } from '../domain/whatsapp-format.js';
import { defineEffect } from './effect-definition.js';

/**
 * A question about a photo or a PDF the user sent: the file is fetched from WhatsApp with the token, then posted to
 * the CSS API's multimodal endpoints. Without `WHATSAPP_TOKEN` no file can be fetched: the call fails and the machine
 * apologises. The answer's Markdown comes back as WhatsApp formatting. Repeatable (a download and a question).
 */
export const askAboutMedia = defineEffect({
  name: 'askAboutMedia',
  api: 'css',
  repeatable: true,
  create: ({ http: clients, config }) => {
    const token = config.whatsappToken;
    if (!token) return undefined;
    const authorization = { Authorization: `Bearer ${token}` };
    const graph = createHttpClient({ baseURL: config.whatsappApiUrl, timeoutMs: config.cssApiTimeoutMs, headers: authorization });
    // The media URL is absolute and on Meta's CDN, which the shared client refuses: a client of its own, that
    // follows no redirect, so the token goes only to the URL the Graph API gave.
    // `timeout` lets the agent honour the file server's Keep-Alive hint (see createHttpClient).
    const agentOptions = { keepAlive: true, maxSockets: 16, timeout: config.cssApiTimeoutMs };
    const files = axios.create({
      timeout: config.cssApiTimeoutMs,
      headers: authorization,
      maxRedirects: 0,
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
    });
    const media = new CssMediaAnswerSource(
      { http: clients.css, downloader: new GraphMediaDownloader({ graph, files }, { allowedHosts: config.mediaHosts }) },
      {
        imagePath: config.cssApiImagePath,
        documentPath: config.cssApiDocumentPath,
        maxBytes: config.mediaMaxBytes,
        timeoutMs: config.cssApiTimeoutMs,
        maxChars: config.cssAnswerMaxChars,
      },
    );
    return async (input: MediaQuestion, { signal }) => toWhatsApp(await media.askAboutMedia(input, { signal }));
  },
});
