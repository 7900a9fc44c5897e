import type { Cluster, Redis } from 'ioredis';
import type { ConversationRef } from '../../domain/lane-input.js';
import { AGENT_LINK_SECONDS, type AgentLinks } from '../../ports/agent-links.js';

/** Links as `<prefix>agent:<source id>` strings (JSON of the conversation ref), expiring `AGENT_LINK_SECONDS` after the last forward. */
export class RedisAgentLinks implements AgentLinks {
  constructor(private readonly deps: { readonly redis: Redis | Cluster; readonly keyPrefix: string }) {}

  async link(sourceId: string, to: ConversationRef): Promise<void> {
    await this.deps.redis.set(this.key(sourceId), JSON.stringify({ user: to.user, phoneNumberId: to.phoneNumberId }), 'EX', AGENT_LINK_SECONDS);
  }

  async find(sourceId: string): Promise<ConversationRef | undefined> {
    const raw = await this.deps.redis.get(this.key(sourceId));
    return raw === null ? undefined : (JSON.parse(raw) as ConversationRef);
  }

  private key(sourceId: string): string {
    return `${this.deps.keyPrefix}agent:${sourceId}`;
  }
}
