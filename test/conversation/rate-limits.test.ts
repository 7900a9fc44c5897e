import { describe, expect, it } from '@jest/globals';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer } from '../support/test-server.js';

describe.each(['memory', 'redis'] as const)('rate limits (%s store)', (store) => {
  it('tells a flooding user once to slow down, and keeps the extra messages from the CSS API', async () => {
    const t = await startTestServer({ store, env: { INBOUND_PER_MINUTE: '3' } });
    try {
      const from = '221775550101';
      for (const body of ['bonjour', 'question 1 ?', 'question 2 ?', 'question 3 ?', 'question 4 ?', 'question 5 ?']) {
        expect((await t.post(webhookBody(textMessage({ from, body })))).status).toBe(200);
      }
      await eventually(() => textsOf(t.graph.requests, from).some((text) => /patienter/.test(text)));
      await t.post(webhookBody(textMessage({ from: '221775550102', body: 'un autre usager ?' })));
      await eventually(() => textsOf(t.graph.requests, '221775550102').length >= 2);
      const texts = textsOf(t.graph.requests, from);
      expect(texts.filter((text) => /patienter/.test(text))).toHaveLength(1);
      expect(t.css.questions).toEqual(['question 1 ?', 'question 2 ?', 'un autre usager ?']);
    } finally {
      await t.close();
    }
  });

  it('spreads a burst of replies over time at the business number’s rate, dropping none', async () => {
    const t = await startTestServer({ store, env: { OUTBOUND_PER_SECOND: '4' } });
    try {
      const users = ['221775550201', '221775550202', '221775550203'];
      await Promise.all(users.map((from) => t.post(webhookBody(textMessage({ from, body: 'Une question ?' })))));
      // Each user gets welcome + answer + buttons: 9 sends at 4 per second need at least two seconds.
      const sent = await t.graph.waitForRequests(9, 10_000);
      const span = sent[8]!.receivedAt - sent[0]!.receivedAt;
      expect(span).toBeGreaterThanOrEqual(1000);
      for (const from of users) expect(textsOf(t.graph.requests, from)).toHaveLength(3);
    } finally {
      await t.close();
    }
  });
});
