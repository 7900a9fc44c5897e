import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one structured (JSON) logger. Secrets are redacted by path so that no code path can leak them.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'appSecret'], censor: '[redacted]' },
    },
    options.destination ?? process.stdout,
  );
}

/** A logger that writes nothing, for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
