import type { MediaQuestionInput } from '../../../machines/css-assistant/media.js';
import { tinyJpeg, tinyPdf } from '../../support/media-fixtures.js';
import type { TestServer } from '../../support/test-server.js';
import type { ActorCall } from '../../../src/designer/paths/expected-turns.js';
import type { ActorOutcomes } from '../../../src/designer/paths/machine-paths.js';
import { PATH_ACTOR_OUTCOMES } from '../../../src/designer/paths/path-outcomes.js';

/**
 * How the real runtime's effects are played by the loopback stand-ins during path replays: one entry per
 * actor a machine invokes, giving the outcomes to explore and how to make the stand-in produce them.
 */
export interface ActorStandIn extends ActorOutcomes {
  /**
   * Makes the stand-in serve this turn's calls of the actor, in order, and returns what it will have
   * received, in the machine's input shape, to compare with the calls' inputs once the turn is over.
   */
  arrange(server: TestServer, calls: readonly ActorCall[]): () => readonly unknown[];
}

/**
 * `askQuestion` (the CSS API): answers with a fixed text, or fails with an HTTP 500 for a path's error
 * outcome. An unexpected question also gets a 500, and shows up in what was received.
 *
 * @example
 * describePaths(cssAssistant, { askQuestion: askQuestionStandIn });
 */
export const askQuestionStandIn: ActorStandIn = {
  ...PATH_ACTOR_OUTCOMES.askQuestion,
  arrange(server, calls) {
    const queue = [...calls];
    const received: { question: string }[] = [];
    server.css.setAnswer((question) => {
      received.push({ question });
      const call = queue.shift();
      if (call && 'output' in call.outcome) return String(call.outcome.output);
      return { status: 500, body: { detail: call ? 'stand-in failure for this path' : 'unexpected question' } };
    });
    return () => received;
  },
};

/**
 * `lookupFileStatus` (the CSS file-status endpoint): a file found with its status and date, a file not found, or
 * an HTTP 500 for a path's error outcome.
 *
 * @example
 * describePaths(pensionStatus, { lookupFileStatus: lookupFileStatusStandIn });
 */
export const lookupFileStatusStandIn: ActorStandIn = {
  ...PATH_ACTOR_OUTCOMES.lookupFileStatus,
  arrange(server, calls) {
    const queue = [...calls];
    const received: { registrationNumber: string }[] = [];
    server.css.setFileStatus((registrationNumber) => {
      received.push({ registrationNumber });
      const call = queue.shift();
      if (call && 'output' in call.outcome) return { status: 200, body: call.outcome.output };
      return { status: 500, body: { detail: call ? 'stand-in failure for this path' : 'unexpected lookup' } };
    });
    return () => received;
  },
};

/**
 * `askAboutMedia` (a file fetched from the Graph stand-in, then posted to the CSS multimodal endpoints): each
 * media id the Graph stand-in is asked about is served, in order, a real JPEG or PDF for the kind the call
 * expects; the CSS stand-in answers with a fixed text, or an HTTP 500 for a path's error outcome. What is
 * compared is the kind (from the path posted to) and the question; the media id, type and file name are the
 * webhook builder's own, so they are taken from the call.
 *
 * @example
 * describePaths(cssAssistant, { askQuestion: askQuestionStandIn, askAboutMedia: askAboutMediaStandIn });
 */
export const askAboutMediaStandIn: ActorStandIn = {
  ...PATH_ACTOR_OUTCOMES.askAboutMedia,
  arrange(server, calls) {
    const inputs = calls.map((call) => call.input as MediaQuestionInput);
    const files = new Map<string, MediaQuestionInput>();
    server.graph.setMedia((mediaId) => {
      const input = files.get(mediaId) ?? inputs[files.size];
      if (!input) return undefined;
      files.set(mediaId, input);
      return input.media === 'image' ? { bytes: tinyJpeg(), mimeType: 'image/jpeg' } : { bytes: tinyPdf(), mimeType: 'application/pdf' };
    });
    const queue = [...calls];
    const received: MediaQuestionInput[] = [];
    server.css.setMediaAnswer((upload) => {
      const call = queue.shift();
      const media = upload.path === '/ask-document' ? 'document' : 'image';
      received.push({ mediaId: '', ...(call?.input as MediaQuestionInput | undefined), media, question: upload.question });
      if (call && 'output' in call.outcome) return String(call.outcome.output);
      return { status: 500, body: { detail: call ? 'stand-in failure for this path' : 'unexpected file' } };
    });
    return () => received;
  },
};
