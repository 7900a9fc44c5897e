import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/observability/logger.js';

/** One JSON log line, the fields tests read. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/**
 * A real (pino) logger whose lines are kept in memory, for tests that check what the server logs.
 *
 * @example
 * const log = capturedLogger('debug'); await startTestServer({ store: 'memory', logger: log.logger });
 * expect(log.lines.filter((line) => line.level >= 50)).toEqual([]);
 */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
