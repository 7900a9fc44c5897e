import type { ConversationRef } from '../../domain/lane-input.js';
import { AGENT_LINK_SECONDS, type AgentLinks } from '../../ports/agent-links.js';

/** Links kept in this process (the embedded store, and `npm run chat`); they expire like the Redis ones. */
export class MemoryAgentLinks implements AgentLinks {
  private readonly links = new Map<string, { to: ConversationRef; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  link(sourceId: string, to: ConversationRef): Promise<void> {
    // Re-inserted, so the map stays in expiry order and the sweep below stops at the first live link.
    this.links.delete(sourceId);
    this.links.set(sourceId, { to, expiresAt: this.now() + AGENT_LINK_SECONDS * 1000 });
    for (const [key, { expiresAt }] of this.links) {
      if (expiresAt > this.now()) break;
      this.links.delete(key);
    }
    return Promise.resolve();
  }

  find(sourceId: string): Promise<ConversationRef | undefined> {
    const kept = this.links.get(sourceId);
    return Promise.resolve(kept && kept.expiresAt > this.now() ? kept.to : undefined);
  }
}
