import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { DryRunMessageSender } from '../../../src/adapters/whatsapp/dry-run-message-sender.js';
import { MessageLimitError } from '../../../src/domain/errors.js';
import { createLogger } from '../../../src/observability/logger.js';

/** A logger whose JSON lines are kept in memory. */
function capturedLogger(): { lines: Array<Record<string, unknown>>; sender: DryRunMessageSender } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, sender: new DryRunMessageSender({ logger: createLogger({ destination }) }) };
}

describe('DryRunMessageSender', () => {
  it('logs a text at info with dryRun, the sending number, the type and the text, and sends nothing', async () => {
    const { lines, sender } = capturedLogger();
    const result = await sender.send({ phoneNumberId: '1065', to: '221771234567' }, { type: 'text', text: 'Bonjour é' });
    expect(result).toEqual({});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, dryRun: true, phoneNumberId: '1065', messageType: 'text', text: 'Bonjour é' });
    expect(JSON.stringify(lines[0])).not.toContain('221771234567');
  });

  it('logs the body of an interactive message', async () => {
    const { lines, sender } = capturedLogger();
    await sender.send({ phoneNumberId: '1065', userId: 'SN.1' }, { type: 'buttons', body: 'Bienvenue', buttons: [{ id: 'menu', title: 'Menu' }] });
    expect(lines[0]).toMatchObject({ dryRun: true, messageType: 'buttons', text: 'Bienvenue' });
  });

  it('refuses a message over the limits, like a real send', async () => {
    const { lines, sender } = capturedLogger();
    await expect(sender.send({ phoneNumberId: '1065', to: '1' }, { type: 'text', text: 'x'.repeat(4097) })).rejects.toBeInstanceOf(MessageLimitError);
    expect(lines).toEqual([]);
  });
});
