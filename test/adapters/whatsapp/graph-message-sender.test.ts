import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHttpClient } from '../../../src/adapters/http/create-http-client.js';
import { GraphMessageSender, isRetryable } from '../../../src/adapters/whatsapp/graph-message-sender.js';
import { GraphApiError, MessageLimitError } from '../../../src/domain/errors.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { startGraphStandIn, textsOf, type GraphReply, type GraphStandIn } from '../../support/graph-stand-in.js';

const TOKEN = 'EAAG-secret-token-123';
const PHONE_ID = '106540352242922';
const to = { phoneNumberId: PHONE_ID, to: '221771234567' };

let graph: GraphStandIn;
let reply: GraphReply | undefined;
let sender: GraphMessageSender;

beforeEach(async () => {
  reply = undefined;
  graph = await startGraphStandIn({ respond: () => reply });
  const http = createHttpClient({ baseURL: graph.baseUrl, timeoutMs: 2000, headers: { Authorization: `Bearer ${TOKEN}` } });
  sender = new GraphMessageSender({ http });
});

afterEach(async () => {
  await graph.close();
});

async function failure(message: OutboundMessage = { type: 'text', text: 'Bonjour' }): Promise<GraphApiError> {
  const error = await sender.send(to, message).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphApiError);
  return error as GraphApiError;
}

describe('GraphMessageSender', () => {
  it('posts a text to {base}/{phone_number_id}/messages with the bearer token', async () => {
    const result = await sender.send(to, { type: 'text', text: 'Bonjour, sénégalais !' });
    expect(result).toEqual({ wamid: 'wamid.out.1' });
    const [request] = graph.requests;
    expect(request?.phoneNumberId).toBe(PHONE_ID);
    expect(request?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '221771234567',
      type: 'text',
      text: { body: 'Bonjour, sénégalais !', preview_url: false },
    });
  });

  it('addresses a user without a phone number by recipient (business-scoped id)', async () => {
    await sender.send({ phoneNumberId: PHONE_ID, userId: 'SN.123ABC' }, { type: 'text', text: 'Salut' });
    expect(graph.requests[0]?.body).toMatchObject({ recipient: 'SN.123ABC' });
    expect(graph.requests[0]?.body).not.toHaveProperty('to');
    expect(textsOf(graph.requests, 'SN.123ABC')).toEqual(['Salut']);
  });

  it('sends reply buttons with header and footer', async () => {
    await sender.send(to, {
      type: 'buttons',
      header: 'CSS',
      body: 'Bienvenue',
      footer: 'Tapez menu',
      buttons: [
        { id: 'menu', title: 'Menu' },
        { id: 'aide', title: 'Aide' },
      ],
    });
    expect(graph.requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '221771234567',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'CSS' },
        body: { text: 'Bienvenue' },
        footer: { text: 'Tapez menu' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'menu', title: 'Menu' } },
            { type: 'reply', reply: { id: 'aide', title: 'Aide' } },
          ],
        },
      },
    });
    expect(textsOf(graph.requests)).toEqual(['Bienvenue\n[menu:Menu] [aide:Aide]']);
  });

  it('sends a list', async () => {
    await sender.send(to, {
      type: 'list',
      body: 'Choisissez',
      button: 'Voir',
      sections: [{ title: 'Thèmes', rows: [{ id: 'cotisations', title: 'Cotisations', description: 'Taux et échéances' }] }],
    });
    expect(graph.requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '221771234567',
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Choisissez' },
        action: {
          button: 'Voir',
          sections: [{ title: 'Thèmes', rows: [{ id: 'cotisations', title: 'Cotisations', description: 'Taux et échéances' }] }],
        },
      },
    });
  });

  it('refuses a message over the limits before any request is made', async () => {
    const tooLong = { type: 'buttons' as const, body: 'Choix', buttons: [{ id: 'a', title: 'Un titre beaucoup trop long' }] };
    await expect(sender.send(to, tooLong)).rejects.toBeInstanceOf(MessageLimitError);
    await sender.send(to, { type: 'text', text: 'ensuite' }); // the stand-in sees only this one
    expect(textsOf(graph.requests)).toEqual(['ensuite']);
  });

  it("turns Meta's 131047 (24 h window closed) into a non-retryable error with code and fbtrace_id", async () => {
    reply = {
      status: 400,
      body: { error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, fbtrace_id: 'AbC123' } },
    };
    const error = await failure();
    expect(error).toMatchObject({ retryable: false, code: 131047, fbtraceId: 'AbC123', httpStatus: 400 });
    expect(error.message).toContain('131047');
  });

  it('marks a 500 and a rate limit as retryable', async () => {
    reply = { status: 500, body: { error: { message: 'Something went wrong', code: 131000 } } };
    expect(await failure()).toMatchObject({ retryable: true, httpStatus: 500, code: 131000 });
    reply = { status: 503, body: 'Service Unavailable' };
    expect(await failure()).toMatchObject({ retryable: true, httpStatus: 503 });
    reply = { status: 400, body: { error: { message: 'Pair rate limit', code: 131056 } } };
    expect(await failure()).toMatchObject({ retryable: true, code: 131056 });
  });

  it('never puts the token in an error message, even when Meta echoes it', async () => {
    reply = { status: 401, body: { error: { message: `Invalid OAuth access token ${TOKEN}`, code: 190, fbtrace_id: 'T' } } };
    const error = await failure();
    expect(error).toMatchObject({ retryable: false, code: 190 });
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(error.cause).toBeUndefined();
  });

  it('reports an unreachable Graph API as retryable, without the token', async () => {
    await graph.close();
    const error = await failure();
    expect(error).toMatchObject({ retryable: true, httpStatus: undefined });
    expect(error.message).not.toContain(TOKEN);
    graph = await startGraphStandIn(); // for afterEach
  });

});

describe('isRetryable', () => {
  it.each([
    [400, 130429, true],
    [400, 80007, true],
    [503, 2, true],
    [400, 4, true],
    [undefined, 131057, true],
    [undefined, undefined, true],
    [502, undefined, true],
    [400, 100, false],
    [400, 131026, false],
    [500, 131008, false],
    [403, 368, false],
    [400, 131030, false],
    [404, undefined, false],
    [400, 999999, false],
  ])('HTTP %p, code %p → %p', (status, code, expected) => {
    expect(isRetryable(status, code)).toBe(expected);
  });
});
