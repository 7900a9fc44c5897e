import { randomUUID } from 'node:crypto';
import type { DeferredCall } from '../effects/deferred-effect.js';

/** What the agents are told, privately, when their reply did not reach the citizen. */
export const NOT_DELIVERED = {
  window:
    '⚠️ Message non transmis au citoyen : son dernier message date de plus de 24 heures, et WhatsApp n’autorise plus de lui écrire. Il le recevra s’il écrit de nouveau ; sinon, appelez-le.',
  gone: '⚠️ Message non transmis au citoyen : sa conversation WhatsApp a expiré et l’heure de son dernier message n’est plus connue. Il sera joignable dès qu’il écrira de nouveau.',
  refused:
    '⚠️ WhatsApp a refusé de remettre un message au citoyen : la fenêtre de 24 heures est fermée. Rien ne lui sera envoyé avant qu’il n’écrive de nouveau.',
} as const;

/**
 * A private note for the agents (the `noteToAgent` effect), as a turn records its effect calls: committed with the
 * turn, run outside the lane like any effect. Its outcome, when it comes back, is applied to nothing (counted as
 * dropped).
 *
 * @example
 * await commitTurn(deps, lease, input, { …, effects: [...result.effects, noteToAgents(123, NOT_DELIVERED.refused)] });
 */
export function noteToAgents(conversationId: number, text: string): DeferredCall {
  return { callId: randomUUID(), actorId: 'noteToAgent', effect: 'noteToAgent', input: { conversationId, text } };
}
