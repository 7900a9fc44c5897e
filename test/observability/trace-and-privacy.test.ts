import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger.js';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { startTestServer } from '../support/test-server.js';

const PHONE = '221773330001';

// One id follows a message from the webhook to the send, in logs that never name the user.
describe('logs and metrics', () => {
  it('carry the request id from webhook to send, with no phone number, secret or token in any line', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }) });
    const t = await startTestServer({ store: 'redis', logger });
    try {
      await t.post(webhookBody(textMessage({ from: PHONE, body: 'Quel est le taux ?' })), { requestId: 'trace-42' });
      // The welcome, then the answer carrying its buttons.
      await t.graph.waitForRequests(2);
      await eventually(() => lines.filter((line) => line.includes('"reply sent"')).length === 2);
      const traced = lines.filter((line) => line.includes('trace-42')).map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(traced).toEqual(expect.arrayContaining(['webhook stored', 'turn done', 'reply sent']));
      const all = lines.join('');
      expect(all).not.toContain(PHONE);
      expect(all).not.toContain('test-token');
      expect(all).not.toContain('test-app-secret');
      const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
      expect(metrics).toMatch(/wa_queue_depth \d+/);
      expect(metrics).toMatch(/wa_queue_oldest_age_seconds [\d.e-]+/);
      // The question leaves its call pending; the call's outcome is a turn of its own that brings the answer.
      expect(metrics).toMatch(/wa_transitions_total\{machine="css-assistant",state="dialog.idle,question.waiting.asking",event="user.text"\} 1/);
      expect(metrics).toMatch(/wa_transitions_total\{machine="css-assistant",state="dialog.idle,question.ready",event="effect.askQuestion"\} 1/);
      expect(metrics).toMatch(/wa_css_request_duration_seconds_count\{endpoint="\/ask-question-ultra",outcome="ok"\} 1/);
      expect(metrics).not.toContain(PHONE);
    } finally {
      await t.close();
    }
  });
});
