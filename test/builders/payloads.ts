import { createHmac, randomBytes } from 'node:crypto';
import type { MediaKind } from '../../src/domain/inbound.js';

/**
 * Builders for realistic Cloud API webhook payloads (shapes from Meta's webhook reference), so that
 * no test hand-writes `entry[0].changes[0]`. Defaults: phone number id `106540352242922`, sender
 * `221771234567` named `Awa Diop`, no BSUID, unique wamids, and the current time as timestamp (the server
 * drops messages older than MESSAGE_MAX_AGE_SECONDS).
 *
 * @example
 * const raw = toWire(webhookBody(textMessage({ body: "J'ai mangé" }), statusUpdate({ status: 'read' })));
 * await post('/webhook', raw, { 'x-hub-signature-256': signBody(raw, 'secret') });
 */

export type Json = string | number | boolean | null | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };
/** One `value.messages[]` item, plus what its envelope needs (`metadata`, `contacts[]`). */
export type BuiltMessage = { kind: 'message'; phoneNumberId: string; contact?: JsonObject; message: JsonObject };
/** One `value.statuses[]` item. */
export type BuiltStatus = { kind: 'status'; phoneNumberId: string; status: JsonObject };
/** A change used verbatim, e.g. `{ field: 'account_update', value: {…} }` or a value-level error. */
export type RawChange = { field: string; value: Json };
export type Part = BuiltMessage | BuiltStatus | RawChange;
export type WebhookBody = { object: string; entry: Array<{ id: string; changes: RawChange[] }> };

/** Who sent it and where. `from: null` builds a username-only user (no phone); `name: null` no profile. */
export type Sender = {
  from?: string | null;
  fromUserId?: string;
  wamid?: string;
  timestamp?: number;
  phoneNumberId?: string;
  name?: string | null;
  /** `context.id`: the wamid of our message being answered (choices get a fresh one by default). */
  replyTo?: string;
};

export const DEFAULT_PHONE_NUMBER_ID = '106540352242922';
export const DEFAULT_FROM = '221771234567';
const DISPLAY_NUMBER = '221338000000';
const WABA_ID = '102290129340398';
const MIME: Record<MediaKind, string> = {
  image: 'image/jpeg', document: 'application/pdf', audio: 'audio/ogg; codecs=opus', video: 'video/mp4', sticker: 'image/webp',
};

let counter = 0;
/** Jest reloads this module per test file and a Redis dedupe store outlives a run: a random prefix keeps wamids apart. */
const RUN = randomBytes(5).toString('hex').toUpperCase();
/** A fresh, realistic-looking wamid, unique across test files and runs. */
export function nextWamid(): string {
  counter += 1;
  return `wamid.HBgMMjIxNzcxMjM0NTY3FQIAEhgU${RUN}${counter.toString(16).toUpperCase().padStart(8, '0')}AA==`;
}

const compact = (o: Record<string, Json | undefined>): JsonObject =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as JsonObject;

function message(type: string, payload: JsonObject, s: Sender, isChoice = false): BuiltMessage {
  const from = s.from === undefined ? DEFAULT_FROM : (s.from ?? undefined);
  const replyTo = s.replyTo ?? (isChoice ? nextWamid() : undefined);
  const wamid = s.wamid ?? nextWamid();
  const msg = compact({
    context: replyTo === undefined ? undefined : { from: DISPLAY_NUMBER, id: replyTo },
    from,
    from_user_id: s.fromUserId,
    id: wamid,
    timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
    type,
  });
  const name = s.name === undefined ? 'Awa Diop' : s.name;
  const contact =
    from === undefined && s.fromUserId === undefined
      ? undefined
      : compact({ profile: name === null ? undefined : { name }, wa_id: from, user_id: s.fromUserId });
  const phoneNumberId = s.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID;
  return { kind: 'message', phoneNumberId, message: { ...msg, ...payload }, ...(contact ? { contact } : {}) };
}

export const textMessage = (o: Sender & { body: string }) => message('text', { text: { body: o.body } }, o);

export const buttonReply = (o: Sender & { id: string; title: string }) =>
  message('interactive', { interactive: { type: 'button_reply', button_reply: { id: o.id, title: o.title } } }, o, true);

export const listReply = (o: Sender & { id: string; title: string; description?: string }) =>
  message('interactive', {
    interactive: { type: 'list_reply', list_reply: compact({ id: o.id, title: o.title, description: o.description }) },
  }, o, true);

/** A tap on a template's quick-reply button (`type: 'button'`). */
export const templateButton = (o: Sender & { payload: string; text: string }) =>
  message('button', { button: { payload: o.payload, text: o.text } }, o, true);

export type MediaOptions = Sender & { mediaId?: string; mimeType?: string; caption?: string; filename?: string };
export function mediaMessage(kind: MediaKind, o: MediaOptions = {}): BuiltMessage {
  const mediaId = o.mediaId ?? String(1_000_000_000 + counter);
  const body = compact({
    caption: o.caption,
    filename: o.filename,
    mime_type: o.mimeType ?? MIME[kind],
    sha256: 'sGD+cF0dVrYUbLWq3a9SDqz9J1pKz7mNQyX8WlbCmqE=',
    id: mediaId,
    url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${mediaId}&source=webhook`,
    voice: kind === 'audio' ? true : undefined,
    animated: kind === 'sticker' ? false : undefined,
  });
  return message(kind, { [kind]: body }, o);
}

/** `place` and `address` are the location's own name and address (`name` is the sender's). */
export const locationMessage = (o: Sender & { latitude: number; longitude: number; place?: string; address?: string }) =>
  message('location', { location: compact({ latitude: o.latitude, longitude: o.longitude, name: o.place, address: o.address }) }, o);

/** Shared contact cards; `cards` are their formatted names. */
export const contactsMessage = (o: Sender & { cards?: string[] } = {}) =>
  message('contacts', {
    contacts: (o.cards ?? ['Moussa Ndiaye']).map((name, i) => ({
      name: { formatted_name: name, first_name: name.split(' ')[0] ?? name },
      phones: [{ phone: `+221 77 000 00 ${String(i).padStart(2, '0')}`, type: 'CELL' }],
    })),
  }, o);

/** `emoji: null` omits the field and `''` sends it empty: both mean the reaction was removed. */
export const reactionMessage = (o: Sender & { messageId: string; emoji?: string | null }) =>
  message('reaction', {
    reaction: compact({ message_id: o.messageId, emoji: o.emoji === undefined ? '👍' : (o.emoji ?? undefined) }),
  }, o);

/** Meta's `unsupported` type; `originalType: null` omits the `unsupported` object. */
export const unsupportedMessage = (o: Sender & { originalType?: string | null } = {}) =>
  message('unsupported', compact({
    errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown',
      error_data: { details: 'Message type is currently not supported.' } }],
    unsupported: o.originalType === null ? undefined : { type: o.originalType ?? 'edit' },
  }), o);

export type StatusOptions = {
  wamid?: string; status?: string; timestamp?: number; phoneNumberId?: string;
  recipientId?: string | null; recipientUserId?: string; errors?: Array<{ code: number; title: string }>;
  /** `statuses[].pricing`; default: Meta's service pricing on a `sent` status, none on the others; `null`: none. */
  pricing?: JsonObject | null;
};
export function statusUpdate(o: StatusOptions = {}): BuiltStatus {
  const status = o.status ?? 'delivered';
  return {
    kind: 'status',
    phoneNumberId: o.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID,
    status: compact({
      id: o.wamid ?? nextWamid(),
      status,
      timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)),
      recipient_id: o.recipientId === undefined ? DEFAULT_FROM : (o.recipientId ?? undefined),
      recipient_user_id: o.recipientUserId,
      pricing: o.pricing === undefined
        ? (status === 'sent' ? { billable: true, pricing_model: 'PMP', type: 'regular', category: 'service' } : undefined)
        : (o.pricing ?? undefined),
      errors: o.errors?.map(({ code, title }) => ({ code, title, message: title, error_data: { details: title },
        href: '/documentation/business-messaging/whatsapp/support/error-codes' })),
    }),
  };
}

/** The `changes[]` of one entry: builders grouped by phone number, messages and statuses in separate values. */
function changes(parts: Part[]): RawChange[] {
  const out: RawChange[] = [];
  const values = new Map<string, JsonObject & { messages?: Json[]; statuses?: Json[]; contacts?: Json[] }>();
  for (const part of parts) {
    if (!('kind' in part)) { out.push(part); continue; }
    const key = `${part.kind}:${part.phoneNumberId}`;
    let value = values.get(key);
    if (value === undefined) {
      value = { messaging_product: 'whatsapp', metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: part.phoneNumberId } };
      values.set(key, value);
      out.push({ field: 'messages', value });
    }
    if (part.kind === 'status') (value.statuses ??= []).push(part.status);
    else {
      const contacts = (value.contacts ??= []);
      if (part.contact && !contacts.some((c) => JSON.stringify(c) === JSON.stringify(part.contact))) contacts.push(part.contact);
      (value.messages ??= []).push(part.message);
    }
  }
  return out;
}

/** One POST with one entry holding every part. */
export const webhookBody = (...parts: Part[]): WebhookBody => batchBody(parts);

/** One POST with one entry per argument (several entries × changes, as Meta batches them). */
export const batchBody = (...entries: Part[][]): WebhookBody => ({
  object: 'whatsapp_business_account',
  entry: entries.map((parts) => ({ id: WABA_ID, changes: changes(parts) })),
});

/** The escaped form Meta puts on the wire: non-ASCII as lowercase `\uXXXX` (UTF-16 units), `/` as `\/`. */
export const metaEscape = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/');

/** A body serialised exactly as Meta sends it (see {@link metaEscape}). */
export const toWire = (body: Json | WebhookBody): string => metaEscape(JSON.stringify(body));

/** The `X-Hub-Signature-256` value for these exact bytes. */
export const signBody = (raw: string | Buffer, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
