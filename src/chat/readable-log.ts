import { Writable } from 'node:stream';

/** Pino's numeric levels, as a designer reads them. */
const LEVELS: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };

interface LogRecord {
  readonly level?: number;
  readonly msg?: string;
  readonly err?: { readonly type?: string; readonly message?: string };
  readonly state?: string;
}

/**
 * One log record on one line: `⚠️  warning: send failed, will retry (state "menu": buttons[0].title is 25 long…)`.
 * No JSON, no stack trace: the chat is for designers, the server keeps its JSON logs.
 *
 * @example
 * readableLine('{"level":50,"msg":"reply not sent","err":{"message":"too long"}}'); // '⚠️  error: reply not sent (too long)'
 */
export function readableLine(json: string): string | undefined {
  let record: LogRecord;
  try {
    record = JSON.parse(json) as LogRecord;
  } catch {
    return json.trim() === '' ? undefined : json.trim();
  }
  // The chat's sender has said it in the conversation already, where the designer looks.
  if (record.err?.type === 'MessageLimitError') return undefined;
  const level = LEVELS[record.level ?? 30] ?? 'info';
  const reason = record.err?.message?.split('\n')[0];
  const detail = reason && !(record.msg ?? '').includes(reason) ? ` (${reason})` : '';
  const mark = (record.level ?? 30) >= 40 ? '⚠️  ' : '· ';
  return `${mark}${level === 'info' ? '' : `${level}: `}${record.msg ?? ''}${detail}`;
}

/**
 * The chat's log destination: pino writes JSON lines into it, the terminal gets {@link readableLine}s.
 *
 * @example
 * const logger = createLogger({ level: 'info', destination: readableLog(process.stderr) });
 */
export function readableLog(terminal: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const readable = readableLine(line);
        if (readable !== undefined) terminal.write(`${readable}\n`);
      }
      done();
    },
  });
}
