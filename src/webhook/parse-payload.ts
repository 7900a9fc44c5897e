import type { InboundMessage, ParsedWebhook, StatusUpdate, UserRef } from '../domain/inbound.js';
import { cleanName } from '../domain/safe-text.js';
import { parseContent } from './parse-content.js';
import { parsePricing } from './parse-pricing.js';
import { fields, finite, id, optional, phoneNumberIdOf, seconds, text, userId, type Fields } from './payload-fields.js';
import { parseIdentityChange } from './parse-system-message.js';

// Plain narrowing, no schema library: one linear pass, total over any JSON value, no error objects built.
type Tally = { -readonly [K in keyof ParsedWebhook]: ParsedWebhook[K] };
/** `contacts[].profile.name` by `user_id` and by `wa_id` (matched by id, never by array index). */
interface ProfileNames {
  readonly byUserId: ReadonlyMap<string, string>;
  readonly byWaId: ReadonlyMap<string, string>;
}

/** A profile name is shown back in greetings: kept to one short line (WhatsApp allows 25 characters, give or take). */
const PROFILE_NAME_MAX = 40;
const lookup = (map: ReadonlyMap<string, string>, key: string | undefined) => (key === undefined ? undefined : map.get(key));

/**
 * Turns the JSON body of a `POST /webhook` into typed inbound events.
 *
 * Why it exists: nothing past this function reads `entry[].changes[].value`; the engine sees one
 * discriminated union. Every entry × change × message/status is read (Meta batches up to 1,000
 * updates per POST), and each item that does not fit — a change of another `field`, a value without
 * `metadata.phone_number_id`, a message without wamid, user or timestamp, an id of a shape Meta never sends —
 * adds one to `unknown` without dropping its neighbours. System messages (a user changed number) are never
 * messages: they are counted, and identity changes listed apart. Text bodies and titles are kept verbatim;
 * profile names are cleaned to one short line.
 *
 * @example
 * const { messages, statuses, unknown } = parseWebhookPayload(JSON.parse(rawBody.toString('utf8')));
 */
export function parseWebhookPayload(body: unknown): ParsedWebhook {
  const tally: Tally = { messages: [], statuses: [], identityChanges: [], systemMessages: 0, unknown: 0 };
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
  const phoneNumberId = phoneNumberIdOf(fields(value['metadata'])?.['phone_number_id']);
  if (phoneNumberId === undefined) {
    tally.unknown += messages.length + statuses.length;
    return;
  }
  const names = profileNames(value['contacts']);
  for (const raw of messages) {
    if (fields(raw)?.['type'] === 'system') {
      readSystemMessage(fields(raw) ?? {}, phoneNumberId, tally);
      continue;
    }
    const message = parseMessage(fields(raw), phoneNumberId, names);
    if (message === undefined) tally.unknown += 1;
    else tally.messages.push(message);
  }
  for (const raw of statuses) {
    const status = parseStatus(fields(raw), phoneNumberId, tally);
    if (status === undefined) tally.unknown += 1;
    else tally.statuses.push(status);
  }
}

/** A system message is never a user's turn: an identity change is kept for the move, anything else only counted. */
function readSystemMessage(raw: Fields, phoneNumberId: string, tally: Tally): void {
  tally.systemMessages += 1;
  const change = parseIdentityChange(raw, phoneNumberId);
  if (change !== undefined) tally.identityChanges.push(change);
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
    const given = text(fields(contact?.['profile'])?.['name']);
    const name = given === undefined ? undefined : cleanName(given, PROFILE_NAME_MAX);
    if (contact === undefined || name === undefined) continue;
    const bsuid = userId(contact['user_id']);
    const waId = userId(contact['wa_id']);
    if (bsuid !== undefined) byUserId.set(bsuid, name);
    if (waId !== undefined) byWaId.set(waId, name);
  }
  return { byUserId, byWaId };
}

function parseMessage(m: Fields | undefined, phoneNumberId: string, names: ProfileNames): InboundMessage | undefined {
  if (m === undefined) return undefined;
  const wamid = id(m['id']);
  const timestamp = seconds(m['timestamp']);
  const phone = userId(m['from']);
  const bsuid = userId(m['from_user_id']);
  const who = bsuid ?? phone;
  const content = parseContent(m);
  if (wamid === undefined || timestamp === undefined || who === undefined || content === undefined) return undefined;
  const user: UserRef = { id: who, ...optional('phone', phone), ...optional('bsuid', bsuid) };
  const profileName = lookup(names.byUserId, bsuid) ?? lookup(names.byWaId, phone);
  const replyTo = id(fields(m['context'])?.['id']);
  return { wamid, user, phoneNumberId, timestamp, ...optional('profileName', profileName), ...optional('replyTo', replyTo), content };
}

/** A status; a `pricing` of another shape is dropped and counted in `unknownPricing`, the status kept. */
function parseStatus(s: Fields | undefined, phoneNumberId: string, tally: Tally): StatusUpdate | undefined {
  const wamid = id(s?.['id']);
  const status = id(s?.['status']);
  const timestamp = seconds(s?.['timestamp']);
  if (s === undefined || wamid === undefined || status === undefined || timestamp === undefined) return undefined;
  const recipientId = id(s['recipient_id']) ?? id(s['recipient_user_id']);
  const errors = Array.isArray(s['errors']) ? s['errors'].flatMap(statusError) : [];
  const pricing = parsePricing(s['pricing']);
  if (pricing.kind === 'invalid') tally.unknownPricing = (tally.unknownPricing ?? 0) + 1;
  const priced = pricing.kind === 'pricing' ? { pricing: pricing.pricing } : {};
  return { wamid, status, phoneNumberId, timestamp, ...optional('recipientId', recipientId), errors, ...priced };
}

function statusError(raw: unknown): Array<{ code: number; title: string }> {
  const error = fields(raw);
  const code = finite(error?.['code']);
  return code === undefined ? [] : [{ code, title: text(error?.['title']) ?? text(error?.['message']) ?? '' }];
}
