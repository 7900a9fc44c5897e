/**
 * A CSS API stand-in on 127.0.0.1: answers `POST /ask-question-ultra` the way the test wants
 * (an answer, an error status, a malformed body, a slow answer), and records the questions; answers
 * multipart questions about a file (`/ask-image`, `/ask-document`, or any path posted as multipart) too.
 */

import { buffer } from 'node:stream/consumers';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.js';

/**
 * How to answer one question: a string is a 200 `{"answer": …}`; `{status, body}` is sent as is
 * (a string body raw, anything else as JSON); `{delayMs, answer}` is a 200 answer sent that late.
 */
export type CssReply = string | { status: number; body: unknown } | { delayMs: number; answer: string };

export type CssAnswerFn = (question: string) => CssReply | Promise<CssReply>;

/** What the stand-in answers to `POST /pension-file-status {registrationNumber}`. */
export type FileStatusFn = (registrationNumber: string) => { status: number; body: unknown };

/** A multipart question about a file, as it arrived: fields `file` and `question`. */
export interface CssMediaUpload {
  /** The path posted to, e.g. `/ask-image`. */
  readonly path: string;
  readonly question: string;
  /** The file part's name, content type and bytes. */
  readonly filename?: string;
  readonly contentType?: string;
  readonly bytes: Buffer;
}

/** How to answer a question about a file; the default is `Réponse CSS sur <filename> : <question>`. */
export type CssMediaAnswerFn = (upload: CssMediaUpload) => CssReply | Promise<CssReply>;

export interface CssStandIn {
  /** Base to use as `CSS_API_URL`: `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every question received, oldest first. */
  readonly questions: string[];
  setAnswer(fn: CssAnswerFn): void;
  /** Every registration number asked about, oldest first. */
  readonly fileQueries: string[];
  setFileStatus(fn: FileStatusFn): void;
  /** Every question about a file received (well-formed ones only), oldest first. */
  readonly mediaUploads: CssMediaUpload[];
  setMediaAnswer(fn: CssMediaAnswerFn): void;
  /** Stops at once: pending slow answers are dropped and keep-alive sockets closed. */
  close(): Promise<void>;
}

const defaultAnswer: CssAnswerFn = (question) => `Réponse CSS à : ${question}`;
const defaultMediaAnswer: CssMediaAnswerFn = (upload) => `Réponse CSS sur ${upload.filename ?? 'le fichier'} : ${upload.question}`;

/** The upload of a multipart body, FastAPI-style: `undefined` when `file` or `question` is missing. */
function uploadOf(path: string, contentType: string | undefined, body: Buffer): CssMediaUpload | undefined {
  const parts = parseMultipart(contentType, body);
  const file = parts?.find((part) => part.name === 'file' && part.filename !== undefined);
  const question = parts?.find((part) => part.name === 'question' && part.filename === undefined);
  if (!file || !question) return undefined;
  return {
    path,
    question: question.data.toString('utf8'),
    ...(file.filename === undefined ? {} : { filename: file.filename }),
    ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
    bytes: file.data,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const raw = typeof body === 'string';
  res
    .writeHead(status, { 'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json' })
    .end(raw ? body : JSON.stringify(body));
}

/** The question of a request body, FastAPI-style: `undefined` when the body is not `{question: string}`. */
function questionOf(raw: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('question' in parsed)) return undefined;
    return typeof parsed.question === 'string' ? parsed.question : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the stand-in on a free port; `answer` defaults to `Réponse CSS à : ${question}`.
 *
 * @example
 * const css = await startCssStandIn(() => ({ status: 500, body: { detail: 'boom' } }));
 * const answers = new CssAnswerSource({ http: createHttpClient({ baseURL: css.url, timeoutMs: 1000 }) });
 */
export async function startCssStandIn(answer: CssAnswerFn = defaultAnswer): Promise<CssStandIn> {
  const questions: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let answerFn = answer;
  const fileQueries: string[] = [];
  let fileStatusFn: FileStatusFn = () => ({ status: 404, body: { found: false } });
  const mediaUploads: CssMediaUpload[] = [];
  let mediaAnswerFn = defaultMediaAnswer;

  const later = (delayMs: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delayMs);
    timers.add(timer);
  };

  const answerWith = (res: ServerResponse, reply: CssReply): void => {
    if (typeof reply === 'string') return send(res, 200, { answer: reply });
    if ('status' in reply) return send(res, reply.status, reply.body);
    later(reply.delayMs, () => send(res, 200, { answer: reply.answer }));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await buffer(req);
      const raw = body.toString('utf8');
      if (req.method === 'POST' && /^multipart\//i.test(req.headers['content-type'] ?? '')) {
        const upload = uploadOf(req.url ?? '', req.headers['content-type'], body);
        if (!upload) return send(res, 422, { detail: 'form must have a "file" and a "question"' });
        mediaUploads.push(upload);
        return answerWith(res, await mediaAnswerFn(upload));
      }
      if (req.method === 'POST' && req.url === '/pension-file-status') {
        const number = (JSON.parse(raw) as { registrationNumber?: unknown }).registrationNumber;
        fileQueries.push(String(number));
        const { status, body } = fileStatusFn(String(number));
        return send(res, status, body);
      }
      if (req.method !== 'POST' || req.url !== '/ask-question-ultra') return send(res, 404, { detail: 'Not Found' });
      const question = questionOf(raw);
      if (question === undefined) return send(res, 422, { detail: 'body must be {"question": string}' });
      questions.push(question);
      answerWith(res, await answerFn(question));
    })().catch((error: unknown) => send(res, 500, { detail: String(error) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    questions,
    setAnswer: (fn) => {
      answerFn = fn;
    },
    fileQueries,
    setFileStatus: (fn) => {
      fileStatusFn = fn;
    },
    mediaUploads,
    setMediaAnswer: (fn) => {
      mediaAnswerFn = fn;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
