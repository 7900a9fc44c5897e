import type { IdentityChange } from '../../domain/inbound.js';
import { conversationKey } from '../../domain/conversation-key.js';
import { ConversationBusyError, type ConversationMover, type MoveOutcome } from '../../ports/conversation-mover.js';
import type { MemoryPipeline } from './memory-pipeline.js';

/**
 * `ConversationMover` for the embedded store: moves the stored conversation inside the memory pipeline.
 *
 * @example
 * const mover = new MemoryConversationMover(pipeline);
 */
export class MemoryConversationMover implements ConversationMover {
  constructor(private readonly pipeline: MemoryPipeline) {}

  async move(change: IdentityChange): Promise<MoveOutcome> {
    const { phoneNumberId, user } = change;
    const to = conversationKey({ phoneNumberId, user });
    let outcome: MoveOutcome = 'nothing-to-move';
    for (const previous of change.previousIds) {
      const from = conversationKey({ phoneNumberId, user: { id: previous } });
      const result = this.pipeline.relocate(from, to, (stored) => ({ ...stored, contact: { user, phoneNumberId } }));
      if (result === 'busy') throw new ConversationBusyError();
      // The first conversation found is the user's; any other under an old id is deleted, not merged.
      if (outcome === 'nothing-to-move' && result !== 'absent') outcome = result;
    }
    return outcome;
  }
}
