import type { AgentForwardInput, AgentForwardOutput } from '../domain/conversation.js';
import { defineEffect, type AnyEffectDefinition } from '../effects/effect-definition.js';
import { effects } from '../effects/index.js';
import type { AgentNote } from '../effects/note-to-agent.effect.js';

/** The agents' conversation of the chat: there is one terminal, hence one agent and one conversation. */
export const CHAT_AGENT_CONVERSATION = 1;

/**
 * The registry's effects with the agents' inbox replaced by the terminal: what the user would send the agents is
 * printed, and the person at the terminal answers as the agent (`/agent …`, `/resolve`). So designers try the whole
 * handoff with `npm run chat`, Chatwoot or not.
 *
 * @example
 * effectRunnerFromConfig(config, deps, terminalAgentEffects((text) => process.stdout.write(text)));
 */
export function terminalAgentEffects(write: (text: string) => void): readonly AnyEffectDefinition[] {
  const forwardToAgent = defineEffect({
    name: 'forwardToAgent',
    api: 'chatwoot',
    repeatable: true,
    create: () => (input: AgentForwardInput): Promise<AgentForwardOutput> => {
      for (const message of input.messages) write(`🧑‍💼 (to the agent) ${message.text}\n`);
      write('   answer as the agent with /agent <text>, hand back with /resolve\n\n');
      return Promise.resolve({ conversationId: CHAT_AGENT_CONVERSATION, forwarded: input.messages.length });
    },
  });
  const noteToAgent = defineEffect({
    name: 'noteToAgent',
    api: 'chatwoot',
    repeatable: true,
    create: () => (input: AgentNote): Promise<void> => {
      write(`🔒 (private note to the agent) ${input.text}\n\n`);
      return Promise.resolve();
    },
  });
  const replaced = new Set([forwardToAgent.name, noteToAgent.name]);
  return [...effects.filter((effect) => !replaced.has(effect.name)), forwardToAgent, noteToAgent] as readonly AnyEffectDefinition[];
}
