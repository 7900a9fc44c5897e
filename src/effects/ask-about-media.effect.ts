import { CssMediaAnswerSource } from '../adapters/css/css-media-answer-source.js';
import type { MediaQuestion } from '../domain/media-question.js';
import { toWhatsApp } from '../domain/whatsapp-format.js';
import { defineEffect } from './effect-definition.js';
import { mediaDownloaderFrom } from './media-downloader.js';

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
    const downloader = mediaDownloaderFrom(config, config.cssApiTimeoutMs);
    if (!downloader) return undefined;
    const media = new CssMediaAnswerSource(
      { http: clients.css, downloader },
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
