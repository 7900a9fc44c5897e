import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { texts } from '../../machines/css-assistant/index.js';
import { mediaMessage, textMessage, webhookBody } from '../builders/payloads.js';
import type { CssMediaAnswerFn } from '../support/css-stand-in.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { tinyJpeg, tinyPdf } from '../support/media-fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Photos and PDFs end to end: a signed webhook in, the file fetched from the Graph stand-in with the token,
// posted to the CSS stand-in as multipart, and what the user receives out.
describe.each(['memory', 'redis'] as const)('media messages (%s store)', (store) => {
  let t: TestServer;
  let phone = 221770300000;
  let from: string;
  const jpeg = tinyJpeg();
  const pdf = tinyPdf();

  beforeAll(async () => {
    t = await startTestServer({ store });
    t.graph.setMedia((id) =>
      ({
        'photo-ok': { bytes: jpeg, mimeType: 'image/jpeg' },
        'doc-ok': { bytes: pdf, mimeType: 'application/pdf' },
        'photo-big': { bytes: jpeg, mimeType: 'image/jpeg', fileSize: 6 * 1024 * 1024 },
        'photo-expired': { bytes: jpeg, mimeType: 'image/jpeg', downloadStatus: 404 },
      })[id],
    );
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    from = String(++phone);
    t.css.setMediaAnswer((upload) => `Réponse CSS sur ${upload.filename ?? '?'} : ${upload.question}`);
  });

  const seen = () => textsOf(t.graph.requests, from);
  /** What the user saw, once at least `count` messages arrived. */
  const waitSeen = async (count: number): Promise<string[]> => {
    await eventually(() => seen().length >= count, 5000);
    return seen();
  };
  const post = async (message: Parameters<typeof webhookBody>[0]) => expect((await t.post(webhookBody(message))).status).toBe(200);
  const uploadsOf = (question: string) => t.css.mediaUploads.filter((upload) => upload.question === question);

  it('answers a photo with its caption as the question, then the conversation goes on', async () => {
    await post(mediaMessage('image', { from, mediaId: 'photo-ok', caption: `Que dit ce reçu ${from} ?` }));
    const replies = await waitSeen(2);
    expect(replies[0]).toContain('Bienvenue');
    // One message: the answer carries its buttons.
    expect(replies[1]).toBe(`Réponse CSS sur image.jpg : Que dit ce reçu ${from} ?\n[menu:Menu] [aide:Aide] [contact:Contact]`);
    const [upload] = uploadsOf(`Que dit ce reçu ${from} ?`);
    expect(upload).toMatchObject({ path: '/ask-image', contentType: 'image/jpeg' });
    expect(upload?.bytes.equals(jpeg)).toBe(true);
    expect(t.graph.mediaRequests.filter((r) => r.mediaId === 'photo-ok').map((r) => r.authorization)).toContain('Bearer test-token');

    await post(textMessage({ from, body: 'Et pour les allocations ?' }));
    expect((await waitSeen(3))[2]).toMatch(/^Réponse CSS à : Et pour les allocations \?\n\[menu:/);
  });

  it('answers a PDF document, asking the default question when it has no caption', async () => {
    await post(textMessage({ from, body: 'bonjour' }));
    await waitSeen(1);
    await post(mediaMessage('document', { from, mediaId: 'doc-ok', filename: `attestation-${from}.pdf` }));
    const replies = await waitSeen(2);
    expect(replies[1]?.startsWith(`Réponse CSS sur attestation-${from}.pdf : ${texts.mediaQuestion.document}\n[menu:`)).toBe(true);
    const upload = t.css.mediaUploads.find((u) => u.filename === `attestation-${from}.pdf`);
    expect(upload).toMatchObject({ path: '/ask-document', contentType: 'application/pdf' });
    expect(upload?.bytes.equals(pdf)).toBe(true);
  });

  it('says plainly that a photo is too big, without sending it to the CSS, then goes on', async () => {
    await post(textMessage({ from, body: 'bonjour' }));
    await waitSeen(1);
    await post(mediaMessage('image', { from, mediaId: 'photo-big', caption: `Trop gros ${from}` }));
    expect((await waitSeen(2))[1]?.startsWith(`${texts.mediaRefused.size}\n[menu:`)).toBe(true);
    expect(uploadsOf(`Trop gros ${from}`)).toEqual([]);
    expect(t.graph.mediaRequests.filter((r) => r.mediaId === 'photo-big').map((r) => r.kind)).not.toContain('download');
    await post(textMessage({ from, body: 'menu' }));
    expect((await waitSeen(3))[2]).toMatch(/\[cotisations:/);
  });

  it('answers a voice note with what it can read, and stays where the user was', async () => {
    await post(textMessage({ from, body: 'menu' }));
    await waitSeen(2);
    await post(mediaMessage('audio', { from, mediaId: `voice-${from}` }));
    expect((await waitSeen(3))[2]?.startsWith(`${texts.cannotRead}\n[menu:`)).toBe(true);
    expect(t.graph.mediaRequests.filter((r) => r.mediaId === `voice-${from}`)).toEqual([]);
    await post(textMessage({ from, body: '2' }));
    expect((await waitSeen(4))[3]).toMatch(/\[prestations\./);
  });

  it.each<[string, string, CssMediaAnswerFn]>([
    ['the file cannot be downloaded', 'photo-expired', () => 'jamais'],
    ['the CSS API fails', 'photo-ok', () => ({ status: 500, body: { detail: 'boom' } })],
  ])('apologises when %s, and the conversation goes on', async (_, mediaId, answer) => {
    await post(textMessage({ from, body: 'bonjour' }));
    await waitSeen(1);
    t.css.setMediaAnswer(answer);
    await post(mediaMessage('image', { from, mediaId }));
    const apology = (await waitSeen(2))[1];
    expect(apology?.startsWith(texts.failure.down)).toBe(true);
    expect(apology).toContain('[reessayer:');
    await post(textMessage({ from, body: 'Une question ?' }));
    expect((await waitSeen(3))[2]).toMatch(/^Réponse CSS à : Une question \?\n\[menu:/);
  });
});
