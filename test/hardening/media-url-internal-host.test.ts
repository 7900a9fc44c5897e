import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mediaMessage, webhookBody } from '../builders/payloads.js';
import { tinyJpeg } from '../support/media-fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { textsOnceSeen } from './replies.js';

// Issue 10, row 8: the media URL the Graph API gives was downloaded wherever it pointed, with
// `Authorization: Bearer <WHATSAPP_TOKEN>`, and the file forwarded to the CSS API. Only hosts in MEDIA_HOSTS
// (Meta's lookaside.fbsbx.com by default) are fetched now. Here the metadata points at a loopback server, an
// "internal host" for a server configured for Meta's CDN.
describe('a media URL from the Graph API pointing at an internal host', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ store: 'memory', env: { MEDIA_HOSTS: 'lookaside.fbsbx.com' } });
    t.graph.setMedia((id) => (id === 'photo-1' ? { bytes: tinyJpeg(), mimeType: 'image/jpeg' } : undefined));
  });
  afterAll(async () => t.close());

  it('is never requested, so the token stays home, and the user is answered all the same', async () => {
    const from = '221770008001';
    expect((await t.post(webhookBody(mediaMessage('image', { from, mediaId: 'photo-1', caption: 'Est-ce la bonne attestation ?' })))).status).toBe(200);
    const texts = await textsOnceSeen(t, from, (seen) => seen.length >= 2, 10_000);
    expect(texts[0]).toContain('Bienvenue');
    expect(t.graph.mediaRequests.map((request) => request.kind)).toEqual(['metadata']);
    expect(t.css.mediaUploads).toHaveLength(0);
  }, 20_000);
});
