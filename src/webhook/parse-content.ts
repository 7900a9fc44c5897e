import type { InboundContent, MediaKind } from '../domain/inbound.js';
import { fields, finite, id, optional, text, type Fields } from './payload-fields.js';

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'document', 'audio', 'video', 'sticker'];

/**
 * The content of a message. A known type whose body is missing or broken (an `interactive` without its
 * `interactive` object, as Meta sends with error 131000) is `unsupported`, so the user is told it could not be read
 * instead of hearing nothing; only a broken reaction, which never gets an answer anyway, is dropped.
 */
export function parseContent(m: Fields): InboundContent | undefined {
  const type = id(m['type']);
  if (type === undefined) return undefined;
  return readContent(m, type) ?? (type === 'reaction' ? undefined : { type: 'unsupported', originalType: type });
}

function readContent(m: Fields, type: string): InboundContent | undefined {
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

