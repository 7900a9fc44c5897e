import type { UserEvent } from '../domain/conversation.js';
import type { InboundMessage } from '../domain/inbound.js';

/**
 * Turns a parsed message into the event a machine receives. Reactions return `undefined`:
 * they never move a conversation.
 */
export function toUserEvent(message: InboundMessage): UserEvent | undefined {
  const base = {
    at: message.timestamp * 1000,
    ...(message.profileName === undefined ? {} : { profileName: message.profileName }),
  };
  const content = message.content;
  switch (content.type) {
    case 'text':
      return { ...base, type: 'user.text', text: content.body };
    case 'choice':
      return { ...base, type: 'user.choice', id: content.id, title: content.title };
    case 'media':
      return {
        ...base,
        type: 'user.media',
        media: content.media,
        mediaId: content.mediaId,
        ...(content.caption === undefined ? {} : { caption: content.caption }),
        ...(content.mimeType === undefined ? {} : { mimeType: content.mimeType }),
        ...(content.filename === undefined ? {} : { filename: content.filename }),
      };
    case 'location':
    case 'contacts':
    case 'unsupported':
      return { ...base, type: 'user.other', kind: content.type };
    case 'reaction':
      return undefined;
  }
}
