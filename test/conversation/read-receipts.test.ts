import { describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer } from '../support/test-server.js';

describe('read receipts and typing indicator', () => {
  it('marks a message read with the typing indicator when its answer is slow, before the answer', async () => {
    const t = await startTestServer({ store: 'memory', env: { READ_RECEIPT_DELAY_MS: '100' }, css: () => ({ delayMs: 600, answer: 'Réponse lente' }) });
    try {
      const message = textMessage({ from: '221772220001', body: 'Une question ?' });
      await t.post(webhookBody(message));
      // The welcome, then the answer carrying its buttons.
      await eventually(() => textsOf(t.graph.requests, '221772220001').length === 2);
      const wamid = String(message.message['id']);
      expect(t.graph.receipts).toEqual([expect.objectContaining({ messageId: wamid, typing: true })]);
      expect(t.graph.receipts[0]!.receivedAt).toBeLessThanOrEqual(t.graph.requests.at(-1)!.receivedAt);
    } finally {
      await t.close();
    }
  });

  it('sends none for a reply that comes within the delay (a greeting)', async () => {
    const t = await startTestServer({ store: 'memory', env: { READ_RECEIPT_DELAY_MS: '5000' } });
    try {
      await t.post(webhookBody(textMessage({ from: '221772220003', body: 'bonjour' })));
      await eventually(() => textsOf(t.graph.requests, '221772220003').length === 1);
      expect(t.graph.receipts).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('marks every message at once with READ_RECEIPT_DELAY_MS=0', async () => {
    const t = await startTestServer({ store: 'memory', env: { READ_RECEIPT_DELAY_MS: '0' } });
    try {
      const message = textMessage({ from: '221772220004', body: 'bonjour' });
      await t.post(webhookBody(message));
      await eventually(() => textsOf(t.graph.requests, '221772220004').length === 1);
      await eventually(() => t.graph.receipts.length === 1);
      expect(t.graph.receipts[0]).toEqual(expect.objectContaining({ messageId: String(message.message['id']), typing: true }));
    } finally {
      await t.close();
    }
  });

  it('sends none with READ_RECEIPTS=0', async () => {
    const t = await startTestServer({ store: 'memory', env: { READ_RECEIPTS: '0', READ_RECEIPT_DELAY_MS: '0' } });
    try {
      await t.post(webhookBody(textMessage({ from: '221772220002', body: 'bonjour' })));
      await eventually(() => textsOf(t.graph.requests, '221772220002').length === 1);
      expect(t.graph.receipts).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
