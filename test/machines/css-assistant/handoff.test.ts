import { describe, expect, it } from '@jest/globals';
import { createActor, fromPromise } from 'xstate';
import { cssAssistant, frenchContent, localizer, texts } from '../../../machines/css-assistant/index.js';
import type { AgentForwardInput, AgentForwardOutput } from '../../../src/domain/conversation.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, text } from '../run-machine.js';
import { bodyOf, buttonIds, flush } from './helpers.js';

/** The assistant with an agents' inbox whose forwards wait until the test settles them. */
function withAgents(options: { inboxOn?: boolean; outOfHours?: boolean; locale?: 'en' | 'wo' } = {}) {
  const forwards: { input: AgentForwardInput; resolve: (output: AgentForwardOutput) => void; reject: (error: unknown) => void }[] = [];
  const forwardToAgent = fromPromise<AgentForwardOutput, AgentForwardInput>(
    ({ input }) => new Promise((resolve, reject) => forwards.push({ input, resolve, reject })),
  );
  const machine = cssAssistant.machine.provide({
    actors: { forwardToAgent, askQuestion: fromPromise(async () => '') },
    guards: { isAgentInboxOn: () => options.inboxOn ?? true, isOutOfAgentHours: () => options.outOfHours ?? false },
  });
  const actor = createActor(machine, { input: { at: 1000, profileName: 'Awa', ...(options.locale ? { locale: options.locale } : {}) } });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (event: { message: OutboundMessage }) => replies.push(event.message));
  actor.start();
  let seen = 0;
  const newReplies = () => replies.slice(seen, (seen = replies.length));
  const dialog = () => (actor.getSnapshot().value as { dialog: unknown }).dialog;
  return { actor, forwards, newReplies, dialog };
}

describe('css-assistant: a person takes over', () => {
  it('from the contact page: the user is told once, every message goes to the agents, the resolve brings them back where they were', async () => {
    const { actor, forwards, newReplies, dialog } = withAgents();
    actor.send(text('bonjour', 1000));
    actor.send(text('contact', 2000));
    expect(buttonIds(newReplies().at(-1))).toContain('agent');
    actor.send(choice('agent', 3000));
    expect(newReplies().map(bodyOf)).toEqual([texts.agent.coming]);
    expect(dialog()).toEqual({ withAgent: 'forwarding' });
    expect(forwards[0]?.input).toEqual({ name: 'Awa', messages: [{ id: expect.any(String), text: texts.agent.request('agent', undefined) }] });

    actor.send(text('Ma rente est en retard', 4000));
    actor.send(text('menu', 5000));
    expect(newReplies()).toEqual([]);
    forwards[0]!.resolve({ conversationId: 123, forwarded: 1 });
    await flush();
    expect(forwards[1]?.input).toMatchObject({ conversationId: 123, messages: [{ text: 'Ma rente est en retard' }, { text: 'menu' }] });
    forwards[1]!.resolve({ conversationId: 123, forwarded: 2 });
    await flush();
    expect(dialog()).toEqual({ withAgent: 'quiet' });

    actor.send({ type: 'agent.message', text: 'Bonjour Awa, je regarde votre dossier.' });
    actor.send({ type: 'agent.message', text: 'C’est réglé.' });
    expect(newReplies().map(bodyOf)).toEqual(['Bonjour Awa, je regarde votre dossier.', 'C’est réglé.']);
    actor.send({ type: 'agent.resolved' });
    expect(newReplies().map(bodyOf)).toEqual([texts.agent.back]);
    expect(dialog()).toBe('contact');
    expect((actor.getSnapshot().context as { handoff?: unknown }).handoff).toBeUndefined();
    actor.stop();
  });

  it('returns to the list the user had open, which is shown again after the short line', () => {
    const { actor, newReplies, dialog } = withAgents();
    actor.send(text('bonjour', 1000));
    actor.send(text('menu', 2000));
    actor.send(text('je veux parler à un conseiller', 3000));
    newReplies();
    actor.send({ type: 'agent.resolved' });
    expect(dialog()).toBe('menu');
    expect(newReplies().map((reply) => reply.type)).toEqual(['text', 'list']);
  });

  it('returns to the topic list the user had open, the same category', () => {
    const { actor, newReplies, dialog } = withAgents();
    actor.send(text('bonjour', 1000));
    actor.send(text('menu', 2000));
    actor.send(text('2', 3000));
    const list = newReplies().at(-1);
    actor.send(text('agent', 4000));
    actor.send({ type: 'agent.resolved' });
    expect(dialog()).toBe('category');
    expect(newReplies().slice(1)).toEqual([texts.agent.back, list].map((reply) => (typeof reply === 'string' ? { type: 'text', text: reply } : reply)));
  });

  it('keeps messages while the agents cannot be reached, tells the user once, and sends them all once back', async () => {
    const { actor, forwards, newReplies, dialog } = withAgents();
    actor.send(text('agent', 1000));
    newReplies();
    forwards[0]!.reject(new Error('Chatwoot: HTTP 503'));
    await flush();
    expect(newReplies().map(bodyOf)).toEqual([texts.agent.unreachable]);
    expect(dialog()).toEqual({ withAgent: 'unreachable' });
    actor.send(text('Vous êtes là ?', 2000));
    expect(newReplies()).toEqual([]);
    expect((actor.getSnapshot().context as { handoff: { forAgent: unknown[] } }).handoff.forAgent).toHaveLength(2);
  });

  it('out of hours, says when agents are there', () => {
    const { actor, newReplies } = withAgents({ outOfHours: true });
    actor.send(text('bonjour', 1000));
    newReplies();
    actor.send(text('agent', 2000));
    expect(newReplies().map(bodyOf)).toEqual([texts.agent.outOfHours]);
  });

  it('without an agents’ inbox, gives the phone number instead (no dead state)', () => {
    const { actor, newReplies, dialog } = withAgents({ inboxOn: false });
    actor.send(text('bonjour', 1000));
    newReplies();
    actor.send(text('agent', 2000));
    expect(bodyOf(newReplies()[0])).toContain(texts.agent.unavailable);
    expect(dialog()).toBe('contact');
  });

  it('relays a late agent message after the hand-back', () => {
    const { actor, newReplies } = withAgents();
    actor.send(text('bonjour', 1000));
    newReplies();
    actor.send({ type: 'agent.message', text: 'Une dernière précision.' });
    expect(newReplies().map(bodyOf)).toEqual(['Une dernière précision.']);
  });

  it('speaks the conversation’s language: in English, the request, the agents’ first message and the way back are English', async () => {
    const english = localizer(frenchContent)('en').texts;
    const { actor, forwards, newReplies, dialog } = withAgents({ locale: 'en' });
    actor.send(text('hello', 1000));
    newReplies();
    actor.send(text('talk to an agent', 2000));
    expect(newReplies().map(bodyOf)).toEqual([english.agent.coming]);
    expect(english.agent.coming).not.toBe(texts.agent.coming);
    expect(forwards[0]?.input.messages[0]?.text).toBe(english.agent.request('talk to an agent', undefined));
    forwards[0]!.resolve({ conversationId: 7, forwarded: 1 });
    await flush();
    actor.send({ type: 'agent.resolved' });
    expect(newReplies().map(bodyOf)).toEqual([english.agent.back]);
    expect(dialog()).toBe('idle');
    actor.stop();
  });
});
