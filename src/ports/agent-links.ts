import type { ConversationRef } from '../domain/lane-input.js';

/**
 * Which WhatsApp conversation a citizen's pseudonym (the `source_id` of their contact in the agents' inbox) stands
 * for, so that an agent's reply finds its way back to the right lane without agents ever seeing a phone number.
 *
 * @example
 * await links.link('a1b2c3d4e5f6', { user: { id: '221771234567', phone: '221771234567' }, phoneNumberId: 'PN1' });
 * await links.find('a1b2c3d4e5f6'); // the same ref, for AGENT_LINK_DAYS
 */
export interface AgentLinks {
  link(sourceId: string, to: ConversationRef): Promise<void>;
  find(sourceId: string): Promise<ConversationRef | undefined>;
}

/** How long a link outlives the last message forwarded: an agent may answer days later (the window rule decides then). */
export const AGENT_LINK_SECONDS = 30 * 24 * 3600;
