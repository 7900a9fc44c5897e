import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { readableLine, readableLog } from '../../src/chat/readable-log.js';
import { createLogger } from '../../src/observability/logger.js';

describe('the chat log, one readable line per record', () => {
  it('turns a pino record with an error into one line without JSON or stack', async () => {
    const terminal = new PassThrough();
    let printed = '';
    terminal.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const logger = createLogger({ level: 'info', destination: readableLog(terminal) });
    logger.error({ err: new Error('connect ECONNREFUSED 127.0.0.1:9\n    at TCPConnectWrap') }, 'CSS API call failed');
    logger.info('XState inspector ready');
    await new Promise((resolve) => setImmediate(resolve));
    expect(printed).toBe('⚠️  error: CSS API call failed (connect ECONNREFUSED 127.0.0.1:9)\n· XState inspector ready\n');
  });

  it('leaves out a refused message the chat has shown in the conversation already', () => {
    expect(readableLine(JSON.stringify({ level: 50, msg: 'reply not sent', err: { type: 'MessageLimitError', message: 'too long' } }))).toBeUndefined();
    expect(readableLine('not json')).toBe('not json');
  });
});
