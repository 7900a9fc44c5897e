import type { IdentityChange } from '../domain/inbound.js';

/** What a move did: moved the conversation, found none under the old ids, or kept the one the new id already had. */
export type MoveOutcome = 'moved' | 'nothing-to-move' | 'kept-newer';

/** The old conversation is in a turn right now; moving it under the worker's feet would lose that turn. */
export class ConversationBusyError extends Error {
  override readonly name = 'ConversationBusyError';
  constructor() {
    super('the conversation to move is being worked on; try again shortly');
  }
}

/**
 * Moves a conversation to a user's new id when Meta says the id changed (a new phone number, a new
 * business-scoped user id), so that the user carries on where they were instead of being greeted as a stranger,
 * and so that nobody who later gets the old number inherits the conversation. Called by the webhook, before the
 * messages of the same delivery are accepted.
 *
 * @example
 * await mover.move(change); // 'moved' — the snapshot, its pending timer and the reply address now live under the new id
 */
export interface ConversationMover {
  /**
   * Moves the conversation stored under the first of `change.previousIds` that has one to `change.user` (same
   * business number), with the reply address set to the user as they are now. When the new id already has a
   * conversation (the user wrote from the new number first), that one is kept. Either way nothing is left under
   * the old ids. Safe to repeat. Rejects with `ConversationBusyError` while an old conversation is in a turn, or
   * when the store is unreachable: the webhook answers 503 and Meta delivers the change again.
   */
  move(change: IdentityChange): Promise<MoveOutcome>;
}
