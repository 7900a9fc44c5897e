/**
 * How the CSS assistant words a citizen's messages for the agents; the handoff data itself is the kit's
 * (`machines/kit/handoff.ts`).
 */

import type { UserEvent } from '../../src/domain/conversation.js';
import type { Ask } from './asks.js';
import type { CssAssistantTexts } from './texts.js';

/** The text agents read for a user event; `texts`: the conversation's (a file without a caption is named in them). */
export function agentTextOf(event: UserEvent, texts: CssAssistantTexts): string {
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
