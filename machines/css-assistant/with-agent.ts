/**
 * The CSS assistant's handoff to a person, a state of its dialog (`dialog.withAgent`): the chart part of
 * docs/designing.md "Hand over to a person". Its guards and actions are named in `css-assistant.setup.ts`.
 */

import { not } from 'xstate';
import { forwardInput } from '../kit/index.js';
import type { CssAssistantContext } from './css-assistant.setup.js';

/** While with an agent, every message is for the agent, commands and taps included: the agent resolves to go back. */
const FOR_THE_AGENT = { catchAll: 'with an agent, everything the user sends is for the agent' } as const;

/**
 * A person handles the conversation (Chatwoot): every message of the user goes to the agents, their
 * replies come back as `agent.message`, and `agent.resolved` returns the user where they were.
 */
export const withAgent = {
  entry: 'replyAgentComing',
  exit: 'forgetHandoff',
  initial: 'forwarding',
  after: { agentNoReply: { guard: not('hasAgentReplied'), actions: 'replyNoAgentYet' } },
  on: {
    'agent.message': { actions: ['markAgentReplied', 'relayAgentMessage'] },
    'agent.resolved': { target: 'hist', actions: 'replyBackToBot' },
    // The contact page would take the user away from the agent: they already have a person.
    'contact.offered': { actions: [] },
  },
  states: {
    /** Everything said is with the agents. */
    quiet: { on: { 'user.*': { target: 'forwarding', actions: ['recordActivity', 'keepForAgent'], meta: FOR_THE_AGENT } } },
    forwarding: {
      on: { 'user.*': { actions: ['recordActivity', 'keepForAgent'], meta: FOR_THE_AGENT } },
      invoke: {
        id: 'forwardToAgent',
        src: 'forwardToAgent',
        input: ({ context }: { readonly context: CssAssistantContext }) => forwardInput(context.handoff, context.profileName),
        onDone: [
          { guard: 'hasMoreForAgent', target: 'forwarding', reenter: true, actions: 'markForwarded' },
          { target: 'quiet', actions: 'markForwarded' },
        ],
        onError: [
          { guard: 'isOutageTold', target: 'unreachable' },
          { target: 'unreachable', actions: ['replyAgentUnreachable', 'markOutageTold'] },
        ],
      },
    },
    /** The agents' inbox could not be reached: messages are kept and tried again. */
    unreachable: {
      after: { agentRetry: 'forwarding' },
      on: { 'user.*': { actions: ['recordActivity', 'keepForAgent'], meta: FOR_THE_AGENT } },
    },
  },
} as const;
