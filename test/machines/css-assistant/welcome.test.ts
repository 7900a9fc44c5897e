import { describe, expect, it } from '@jest/globals';
import { createActor } from 'xstate';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, fakeAskQuestion, runMachine, text } from '../run-machine.js';
import { bodyOf, buttonIds, dialogOf, flush } from './helpers.js';

describe('css-assistant: the first message of a session', () => {
  it('answers a greeting with the welcome only, with buttons to the menu, help and contact', async () => {
    const questions: string[] = [];
    const [step] = await runMachine(cssAssistant, [text('Bonjour !', 1000)], {
      answer: (q) => (questions.push(q), 'R'),
    });
    expect(step!.replies).toHaveLength(1);
    expect(bodyOf(step!.replies[0])).toContain('Bienvenue');
    expect(bodyOf(step!.replies[0])).toContain('CSS');
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'aide', 'contact']);
    expect(dialogOf(step)).toBe('idle');
    expect(questions).toEqual([]);
  });

  it('welcomes, then answers a question: two messages, the answer carrying its buttons', async () => {
    const [step] = await runMachine(cssAssistant, [text('Comment déclarer un accident du travail ?', 1000)], {
      answer: (q) => `Réponse CSS : ${q}`,
    });
    expect(step!.replies.map((m) => m.type)).toEqual(['buttons', 'buttons']);
    expect(bodyOf(step!.replies[0])).toContain('Bienvenue');
    expect(bodyOf(step!.replies[1])).toBe('Réponse CSS : Comment déclarer un accident du travail ?');
    expect(buttonIds(step!.replies[1])).toEqual(['menu', 'aide', 'contact']);
    expect(dialogOf(step)).toBe('idle');
    expect(step!.context).toMatchObject({ messageCount: 1, lastAsk: { kind: 'text', question: 'Comment déclarer un accident du travail ?' } });
  });

  it.each(['merci', '👍', 'ok'])('answers small talk as a first message with the welcome only (%j)', async (first) => {
    const questions: string[] = [];
    const [step] = await runMachine(cssAssistant, [text(first, 1000)], { answer: (q) => (questions.push(q), 'R') });
    expect(step!.replies.map(bodyOf)).toEqual([texts.welcome()]);
    expect(questions).toEqual([]);
  });

  it.each([
    ['menu', 'list'],
    ['/aide', 'buttons'],
    ['Contact', 'buttons'],
  ])('welcomes, then handles the command %j', async (command, type) => {
    const [step] = await runMachine(cssAssistant, [text(command, 1000)]);
    expect(step!.replies).toHaveLength(2);
    expect(bodyOf(step!.replies[0])).toContain('Bienvenue');
    expect(step!.replies[1]!.type).toBe(type);
    expect(step!.context).toMatchObject({ messageCount: 1 });
  });

  it('welcomes, then handles a tap on a message of an expired session', async () => {
    const [step] = await runMachine(cssAssistant, [choice('prestations', 1000)]);
    expect(bodyOf(step!.replies[0])).toContain('Bienvenue');
    expect(step!.replies[1]).toMatchObject({ type: 'list', sections: [{ rows: expect.arrayContaining([expect.objectContaining({ id: 'prestations.allocations' })]) }] });
    expect(dialogOf(step)).toBe('category');
  });

  it('welcomes, then says what it can read, when the first message is a voice note', async () => {
    const [step] = await runMachine(cssAssistant, [{ type: 'user.media', media: 'audio', mediaId: 'voice-1', at: 1000 }]);
    expect(step!.replies.map(bodyOf)).toEqual([expect.stringContaining('Bienvenue'), texts.cannotRead]);
    expect(dialogOf(step)).toBe('idle');
  });

  it('greets the user by their WhatsApp profile name', async () => {
    const [step] = await runMachine(cssAssistant, [text('salut', 1000, 'Awa Ndiaye')]);
    expect(bodyOf(step!.replies[0])).toMatch(/^Bienvenue Awa Ndiaye !/);
    expect(step!.context).toMatchObject({ profileName: 'Awa Ndiaye' });
  });

  it('welcomes only once: a later greeting gets a short greeting back', async () => {
    const steps = await runMachine(cssAssistant, [text('bonjour', 1000), text('Bonsoir', 2000)]);
    expect(steps[1]!.replies).toHaveLength(1);
    expect(bodyOf(steps[1]!.replies[0])).toBe(texts.greeting());
    expect(bodyOf(steps[1]!.replies[0])).not.toContain('Bienvenue');
  });
});

/** The first turn of a session the runtime opened for a user back after their earlier one expired. */
async function returningTurn(event: UserEvent, answer = (q: string) => `Réponse : ${q}`) {
  const questions: string[] = [];
  const machine = cssAssistant.machine.provide({ actors: { askQuestion: fakeAskQuestion((q) => (questions.push(q), answer(q))) } });
  const returning = { lastSeenAt: 500, remembered: {} };
  const actor = createActor(machine, { input: { at: event.at, profileName: 'Awa', returning } });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
  actor.start();
  actor.send(event);
  await flush();
  const value = actor.getSnapshot().value;
  actor.stop();
  return { replies, questions, value };
}

describe('css-assistant: a user back after their session expired', () => {
  it.each(['bonjour', 'Salaam aleekum', 'merci'])('gets one short "welcome back" line with the buttons, not the whole welcome (%j)', async (first) => {
    const { replies, questions } = await returningTurn(text(first, 10_000));
    expect(replies).toEqual([{ type: 'buttons', body: texts.welcomeBack('Awa'), buttons: expect.any(Array) }]);
    expect(buttonIds(replies[0])).toEqual(['menu', 'aide', 'contact']);
    expect(texts.welcomeBack('Awa').length).toBeLessThan(texts.welcome('Awa').length / 3);
    expect(questions).toEqual([]);
  });

  it('who asks a question right away gets the answer alone: one message, its buttons on it', async () => {
    const { replies, questions } = await returningTurn(text('Quel est le taux ?', 10_000));
    expect(replies.map(bodyOf)).toEqual(['Réponse : Quel est le taux ?']);
    expect(questions).toEqual(['Quel est le taux ?']);
  });

  it('who types a command gets it, without a welcome', async () => {
    const { replies, value } = await returningTurn(text('menu', 10_000));
    expect(replies.map((m) => m.type)).toEqual(['list']);
    expect(value).toEqual({ dialog: 'menu', question: 'ready' });
  });
});
