import { describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer } from '../support/test-server.js';
import { texts } from '../../machines/css-assistant/index.js';

describe.each(['memory', 'redis'] as const)('rate limits (%s store)', (store) => {
  it('tells a flooding user once, honestly, that the last messages were not read, and keeps them from the CSS API', async () => {
    const t = await startTestServer({ store, env: { INBOUND_PER_MINUTE: '3' } });
    try {
      const from = '221775550101';
      for (const body of ['bonjour', 'question 1 ?', 'question 2 ?', 'question 3 ?', 'question 4 ?', 'question 5 ?']) {
        expect((await t.post(webhookBody(textMessage({ from, body })))).status).toBe(200);
      }
      await eventually(() => textsOf(t.graph.requests, from).some((text) => text === texts.floodNotice));
      await t.post(webhookBody(textMessage({ from: '221775550102', body: 'un autre usager ?' })));
      await eventually(() => textsOf(t.graph.requests, '221775550102').length >= 2);
      const seen = textsOf(t.graph.requests, from);
      expect(seen.filter((text) => text === texts.floodNotice)).toHaveLength(1);
      // The notice promises nothing that will not happen: the unread questions are never answered.
      expect(texts.floodNotice).toMatch(/pas lu/);
      expect(texts.floodNotice).toMatch(/renvoyez/);
      expect(seen.filter((text) => /question [345] \?/.test(text))).toEqual([]);
      // Question 2 waits for the answer to question 1, so the other user's question may reach the CSS API before it.
      expect([...t.css.questions].sort()).toEqual(['question 1 ?', 'question 2 ?', 'un autre usager ?']);
    } finally {
      await t.close();
    }
  });

  it('spreads a burst of replies over time at the business number’s rate, dropping none', async () => {
    const t = await startTestServer({ store, env: { OUTBOUND_PER_SECOND: '4' } });
    try {
      const users = ['221775550201', '221775550202', '221775550203', '221775550204', '221775550205'];
      await Promise.all(users.map((from) => t.post(webhookBody(textMessage({ from, body: 'Une question ?' })))));
      // Each user gets the welcome, then the answer with its buttons: 10 sends at 4 per second need at least 1.5 s.
      const sent = await t.graph.waitForRequests(10, 10_000);
      const span = sent[9]!.receivedAt - sent[0]!.receivedAt;
      expect(span).toBeGreaterThanOrEqual(1000);
      for (const from of users) expect(textsOf(t.graph.requests, from)).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});
