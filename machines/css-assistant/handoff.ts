/**
 * How the CSS assistant words a citizen's messages for the agents; the handoff data itself is the kit's
 * (`machines/kit/handoff.ts`).
 */

import type { UserEvent } from '../../src/domain/conversation.js';
import type { Ask } from './asks.js';
import type { CssAssistantContent } from './content.js';

/** The text agents read for a user event. */
export function agentTextOf(event: UserEvent, texts: CssAssistantContent['texts']): string {
  switch (event.type) {
    case 'user.text':
      return event.text;
    case 'user.choice':
      return event.title;
    case 'user.media':
      return texts.agent.file(event.media, event.caption);
    default:
      return `[${event.kind}]`;
  }
}

/** The last question asked of the CSS, for the agents' first message. */
export const lastQuestionOf = (ask: Ask | undefined): string | undefined => (ask?.kind === 'text' && ask.question !== '' ? ask.question : undefined);
