import type { InboundContent, InboundMessage, MediaKind, ParsedWebhook, StatusUpdate, UserRef } from '../domain/inbound.js';

// Plain narrowing, no schema library: one linear pass, total over any JSON value, no error objects built.
type Fields = Readonly<Record<string, unknown>>;
type Tally = { -readonly [K in keyof ParsedWebhook]: ParsedWebhook[K] };
/** `contacts[].profile.name` by `user_id` and by `wa_id` (matched by id, never by array index). */
interface ProfileNames {
  readonly byUserId: ReadonlyMap<string, string>;
  readonly byWaId: ReadonlyMap<string, string>;
}

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'document', 'audio', 'video', 'sticker'];
const SECONDS = /^\d{1,12}$/;

const fields = (v: unknown): Fields | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const id = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const seconds = (v: unknown): number | undefined =>
  typeof v === 'string' && SECONDS.test(v) ? Number(v) : Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined;
const lookup = (map: ReadonlyMap<string, string>, key: string | undefined) => (key === undefined ? undefined : map.get(key));
/** `{ key: value }`, or `{}` when the value is absent, so that optional fields are omitted, not `undefined`. */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * Turns the JSON body of a `POST /webhook` into typed inbound events.
 *
 * Why it exists: nothing past this function reads `entry[].changes[].value`; the engine sees one
 * discriminated union. Every entry × change × message/status is read (Meta batches up to 1,000
 * updates per POST), and each item that does not fit — a change of another `field`, a value without
 * `metadata.phone_number_id`, a message without wamid, user or timestamp — adds one to `unknown`
 * without dropping its neighbours. Text bodies and titles are kept verbatim.
 *
 * @example
 * const { messages, statuses, unknown } = parseWebhookPayload(JSON.parse(rawBody.toString('utf8')));
 */
export function parseWebhookPayload(body: unknown): ParsedWebhook {
  const tally: Tally = { messages: [], statuses: [], unknown: 0 };
  const root = fields(body);
  if (root?.['object'] !== 'whatsapp_business_account' || !Array.isArray(root['entry'])) {
    tally.unknown = 1;
    return tally;
  }
  for (const entry of root['entry']) {
    const changes = fields(entry)?.['changes'];
    if (!Array.isArray(changes)) tally.unknown += 1;
    else for (const change of changes) readChange(fields(change), tally);
  }
  return tally;
}

function readChange(change: Fields | undefined, tally: Tally): void {
  const value = fields(change?.['value']);
  if (change?.['field'] !== 'messages' || value === undefined) {
    tally.unknown += 1;
    return;
  }
  const rawMessages = value['messages'];
  const rawStatuses = value['statuses'];
  if (rawMessages === undefined && rawStatuses === undefined) {
    tally.unknown += 1; // value-level `errors`, or a shape we do not know
    return;
  }
  const messages = items(rawMessages, tally);
  const statuses = items(rawStatuses, tally);
  const phoneNumberId = id(fields(value['metadata'])?.['phone_number_id']);
  if (phoneNumberId === undefined) {
    tally.unknown += messages.length + statuses.length;
    return;
  }
  const names = profileNames(value['contacts']);
  for (const raw of messages) {
    const message = parseMessage(fields(raw), phoneNumberId, names);
    if (message === undefined) tally.unknown += 1;
    else tally.messages.push(message);
  }
  for (const raw of statuses) {
    const status = parseStatus(fields(raw), phoneNumberId);
    if (status === undefined) tally.unknown += 1;
    else tally.statuses.push(status);
  }
}

/** The items of an optional array; a present non-array counts as one unknown. */
function items(v: unknown, tally: Tally): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== undefined) tally.unknown += 1;
  return [];
}

function profileNames(contacts: unknown): ProfileNames {
  const byUserId = new Map<string, string>();
  const byWaId = new Map<string, string>();
  for (const raw of Array.isArray(contacts) ? contacts : []) {
    const contact = fields(raw);
    const name = id(fields(contact?.['profile'])?.['name']);
    if (contact === undefined || name === undefined) continue;
    const userId = id(contact['user_id']);
    const waId = id(contact['wa_id']);
    if (userId !== undefined) byUserId.set(userId, name);
    if (waId !== undefined) byWaId.set(waId, name);
  }
  return { byUserId, byWaId };
}

function parseMessage(m: Fields | undefined, phoneNumberId: string, names: ProfileNames): InboundMessage | undefined {
  if (m === undefined) return undefined;
  const wamid = id(m['id']);
  const timestamp = seconds(m['timestamp']);
  const phone = id(m['from']);
  const bsuid = id(m['from_user_id']);
  const userId = bsuid ?? phone;
  const content = parseContent(m);
  if (wamid === undefined || timestamp === undefined || userId === undefined || content === undefined) return undefined;
  const user: UserRef = { id: userId, ...optional('phone', phone), ...optional('bsuid', bsuid) };
  const profileName = lookup(names.byUserId, bsuid) ?? lookup(names.byWaId, phone);
  const replyTo = id(fields(m['context'])?.['id']);
  return { wamid, user, phoneNumberId, timestamp, ...optional('profileName', profileName), ...optional('replyTo', replyTo), content };
}

function parseContent(m: Fields): InboundContent | undefined {
  const type = id(m['type']);
  if (type === undefined) return undefined;
  const media = MEDIA_KINDS.find((kind) => kind === type);
  if (media !== undefined) return parseMedia(media, fields(m[media]));
  switch (type) {
    case 'text': {
      const body = text(fields(m['text'])?.['body']);
      return body === undefined ? undefined : { type: 'text', body };
    }
    case 'interactive':
      return parseInteractive(fields(m['interactive']));
    case 'button': {
      const button = fields(m['button']);
      const choiceId = id(button?.['payload']);
      const title = text(button?.['text']);
      return choiceId === undefined || title === undefined ? undefined : { type: 'choice', id: choiceId, title, source: 'button' };
    }
    case 'location': {
      const location = fields(m['location']);
      const latitude = finite(location?.['latitude']);
      const longitude = finite(location?.['longitude']);
      if (latitude === undefined || longitude === undefined) return undefined;
      return { type: 'location', latitude, longitude, ...optional('name', text(location?.['name'])) };
    }
    case 'contacts':
      return Array.isArray(m['contacts']) ? { type: 'contacts', count: m['contacts'].length } : undefined;
    case 'reaction': {
      const reaction = fields(m['reaction']);
      const messageId = id(reaction?.['message_id']);
      if (messageId === undefined) return undefined;
      return { type: 'reaction', messageId, ...optional('emoji', id(reaction?.['emoji'])) };
    }
    case 'unsupported':
      return { type: 'unsupported', originalType: id(fields(m['unsupported'])?.['type']) ?? 'unsupported' };
    default:
      return { type: 'unsupported', originalType: type };
  }
}

function parseInteractive(interactive: Fields | undefined): InboundContent | undefined {
  const kind = id(interactive?.['type']);
  if (interactive === undefined || kind === undefined) return undefined;
  if (kind !== 'button_reply' && kind !== 'list_reply') return { type: 'unsupported', originalType: `interactive.${kind}` };
  const reply = fields(interactive[kind]);
  const choiceId = id(reply?.['id']);
  const title = text(reply?.['title']);
  return choiceId === undefined || title === undefined ? undefined : { type: 'choice', id: choiceId, title, source: kind };
}

function parseMedia(media: MediaKind, body: Fields | undefined): InboundContent | undefined {
  const mediaId = id(body?.['id']);
  if (body === undefined || mediaId === undefined) return undefined;
  return {
    type: 'media',
    media,
    mediaId,
    ...optional('mimeType', text(body['mime_type'])),
    ...optional('caption', text(body['caption'])),
    ...optional('filename', text(body['filename'])),
  };
}

function parseStatus(s: Fields | undefined, phoneNumberId: string): StatusUpdate | undefined {
  const wamid = id(s?.['id']);
  const status = id(s?.['status']);
  const timestamp = seconds(s?.['timestamp']);
  if (s === undefined || wamid === undefined || status === undefined || timestamp === undefined) return undefined;
  const recipientId = id(s['recipient_id']) ?? id(s['recipient_user_id']);
  const errors = Array.isArray(s['errors']) ? s['errors'].flatMap(statusError) : [];
  return { wamid, status, phoneNumberId, timestamp, ...optional('recipientId', recipientId), errors };
}

function statusError(raw: unknown): Array<{ code: number; title: string }> {
  const error = fields(raw);
  const code = finite(error?.['code']);
  return code === undefined ? [] : [{ code, title: text(error?.['title']) ?? text(error?.['message']) ?? '' }];
}
