import { describe, expect, it } from '@jest/globals';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, runMachine, text } from '../run-machine.js';

const buttonIds = (message: OutboundMessage | undefined) =>
  message?.type === 'buttons' ? message.buttons.map((b) => b.id) : [];
const bodyOf = (message: OutboundMessage | undefined) =>
  message?.type === 'text' ? message.text : message?.type === undefined ? undefined : message.body;

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
    expect(step!.value).toBe('idle');
    expect(questions).toEqual([]);
  });

  it('welcomes, then answers a question, then offers the way back to the menu', async () => {
    const [step] = await runMachine(cssAssistant, [text('Comment déclarer un accident du travail ?', 1000)], {
      answer: (q) => `Réponse CSS : ${q}`,
    });
    expect(step!.replies.map((m) => m.type)).toEqual(['buttons', 'text', 'buttons']);
    expect(bodyOf(step!.replies[0])).toContain('Bienvenue');
    expect(bodyOf(step!.replies[1])).toBe('Réponse CSS : Comment déclarer un accident du travail ?');
    expect(bodyOf(step!.replies[2])).toBe(texts.afterAnswer);
    expect(buttonIds(step!.replies[2])).toContain('menu');
    expect(step!.value).toBe('idle');
    expect(step!.context).toMatchObject({ messageCount: 1, lastQuestion: 'Comment déclarer un accident du travail ?' });
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
    expect(step!.replies[1]).toMatchObject({ type: 'list', sections: [{ title: 'Prestations' }] });
    expect(step!.value).toBe('category');
  });

  it('welcomes, then says what it can read, when the first message is a voice note', async () => {
    const [step] = await runMachine(cssAssistant, [{ type: 'user.media', media: 'audio', mediaId: 'voice-1', at: 1000 }]);
    expect(step!.replies.map(bodyOf)).toEqual([expect.stringContaining('Bienvenue'), texts.cannotRead]);
    expect(step!.value).toBe('idle');
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
