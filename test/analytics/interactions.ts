import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import type { Interaction } from '../../src/ports/interaction-recorder.js';

/** A realistic record: a question answered in `awaitingAnswer`→`idle`; override what the test is about. */
export function interaction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    at: Date.now(),
    user: 'a1b2c3d4e5f6',
    platform: 'whatsapp',
    machineId: 'css-assistant',
    machineVersion: 1,
    state: 'idle',
    event: 'user.text',
    question: 'Comment déclarer un salarié ?',
    responseLength: 120,
    responseMs: 850,
    outcome: 'ok',
    ...overrides,
  };
}

/** A logger whose JSON lines the test reads back. */
export function capturingLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const lines = () =>
    raw
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}
