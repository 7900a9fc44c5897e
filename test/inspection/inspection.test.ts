import { describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startWsRelayStandIn } from '../support/ws-relay-stand-in.js';

const PHONE = '221778887766';
const QUESTION = 'Ma pension de Fatou Ndiaye est-elle payée ?';

/** Connects to the relay as a viewer would and keeps every message it relays. */
async function watchRelay(t: TestServer): Promise<{ messages: string[]; close(): void }> {
  const url = t.server.inspectorRelayUrl;
  if (!url) throw new Error('INSPECT=local did not start a relay');
  const socket = new WebSocket(url);
  const messages: string[] = [];
  socket.on('message', (data) => messages.push(data.toString()));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { messages, close: () => socket.close() };
}

async function converse(env: Record<string, string>): Promise<string[]> {
  const t = await startTestServer({ store: 'memory', env: { INSPECT: 'local', INSPECT_PORT: '0', ...env } });
  const viewer = await watchRelay(t);
  try {
    await t.post(webhookBody(textMessage({ from: PHONE, body: QUESTION })));
    // The question's event and the snapshot after the CSS answer both reach the viewer.
    await eventually(() => viewer.messages.some((m) => m.includes('"user.text"')) && viewer.messages.some((m) => m.includes('"idle"')), 5000);
    return viewer.messages;
  } finally {
    viewer.close();
    await t.close();
  }
}

// INSPECT=local: every conversation actor reports to a loopback relay, masked unless INSPECT_RAW=1.
describe('XState inspection', () => {
  it('streams the conversation to the local relay without the phone number or the texts', async () => {
    const messages = await converse({});
    const all = messages.join('\n');
    expect(all).toContain('@xstate.snapshot');
    expect(all).toMatch(/"name":"conv:[0-9a-f]{12}"/);
    expect(all).toContain('"asking"');
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain('Fatou');
    expect(all).not.toContain('payée');
    expect(all).not.toContain('Réponse CSS');
  });

  it('sends the raw texts only when INSPECT_RAW=1', async () => {
    const all = (await converse({ INSPECT_RAW: '1' })).join('\n');
    expect(all).toContain('Fatou Ndiaye');
  });

  it('sends masked events to a relay of the operator’s own with INSPECT=ws://…', async () => {
    const relay = await startWsRelayStandIn();
    const { received } = relay;
    const t = await startTestServer({ store: 'memory', env: { INSPECT: relay.url } });
    try {
      expect(t.server.inspectorRelayUrl).toBeUndefined(); // no relay of ours
      await t.post(webhookBody(textMessage({ from: PHONE, body: QUESTION })));
      await eventually(() => received.some((m) => m.includes('"user.text"')) && received.some((m) => m.includes('"idle"')), 5000);
      const all = received.join('\n');
      expect(all).toMatch(/"name":"conv:[0-9a-f]{12}"/);
      expect(all).not.toContain(PHONE);
      expect(all).not.toContain('Fatou');
    } finally {
      await t.close();
      await relay.close();
    }
  });
});
