import { describe, expect, it } from '@jest/globals';
import { type Snapshot, createActor, waitFor } from 'xstate';
import { CSS_ASSISTANT_VERSION, cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import { machines, defaultMachineId } from '../../../machines/index.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, fakeAskQuestion, isSettled, media, other, runMachine, text } from '../run-machine.js';
import { bodyOf, dialogOf } from './helpers.js';

describe('css-assistant: session data and persistence', () => {
  it('is registered as the default machine, version 2 (the chart of version 1 had no regions)', () => {
    expect(defaultMachineId).toBe('css-assistant');
    expect(machines[defaultMachineId]).toBe(cssAssistant);
    expect(cssAssistant.version).toBe(CSS_ASSISTANT_VERSION);
    expect(CSS_ASSISTANT_VERSION).toBe(2);
  });

  it('starts a session from its input', () => {
    const actor = createActor(cssAssistant.machine, { input: { at: 500, profileName: 'Moussa' } }).start();
    expect(actor.getSnapshot().value).toEqual({ dialog: 'welcome', question: 'ready' });
    expect(actor.getSnapshot().context).toEqual({
      startedAt: 500, lastActivityAt: 500, messageCount: 0, profileName: 'Moussa', returning: false, queue: [], failuresInRow: 0,
    });
    actor.stop();
  });

  it('counts every user event and keeps the time of the last one', async () => {
    const steps = await runMachine(cssAssistant, [
      text('bonjour', 1000),
      text('menu', 2000),
      media(3000),
      choice('prestations', 4000),
      text('Une question ?', 5000),
      other(6000),
    ]);
    expect(steps.map((s) => s.context.messageCount)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.map((s) => s.context.lastActivityAt)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(steps.every((s) => s.context.startedAt === 1000)).toBe(true);
  });

  it('keeps the latest profile name the user shows', async () => {
    const steps = await runMachine(cssAssistant, [text('bonjour', 1000, 'Awa'), text('menu', 2000), text('aide', 3000, 'Awa D.')]);
    expect(steps.map((s) => s.context.profileName)).toEqual(['Awa', 'Awa', 'Awa D.']);
  });

  it.each([
    ['a voice note', { type: 'user.media', media: 'audio', mediaId: 'voice-1', at: 3000 } as const],
    ['a location', other(3000)],
  ])('answers %s with what it can read and stays where it was', async (_, event) => {
    const steps = await runMachine(cssAssistant, [text('bonjour', 1000), choice('documents', 2000), event]);
    expect(steps[2]!.replies.map(bodyOf)).toEqual([texts.cannotRead]);
    expect(dialogOf(steps[2])).toBe('category');
    expect(steps[2]!.context).toMatchObject({ category: 'documents' });
  });

  it('a persisted snapshot, restored into a new actor, continues the conversation', async () => {
    const provided = cssAssistant.machine.provide({ actors: { askQuestion: fakeAskQuestion((q) => `R: ${q}`) } });
    const first = createActor(provided, { input: { at: 1000 } }).start();
    first.send(text('bonjour', 1000));
    first.send(text('menu', 2000));
    first.send(text('2', 3000));
    const stored = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as Snapshot<unknown>;
    first.stop();

    const second = createActor(provided, { snapshot: stored });
    const replies: OutboundMessage[] = [];
    second.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
    second.start();
    expect(second.getSnapshot().value).toEqual({ dialog: 'category', question: 'ready' });
    expect(replies).toEqual([]);
    second.send(choice('prestations.maternite', 4000));
    await waitFor(second, isSettled);
    expect(bodyOf(replies[0])).toContain('indemnités journalières de maternité');
    expect(second.getSnapshot().context).toMatchObject({ messageCount: 4, lastActivityAt: 4000, startedAt: 1000 });
    second.stop();
  });

  it('is deterministic: the same script gives the same replies and context', async () => {
    const script = [text('Salam', 1000), text('Taux ?', 2000), choice('contact', 3000)];
    const [a, b] = await Promise.all([runMachine(cssAssistant, script), runMachine(cssAssistant, script)]);
    expect(a!.map((s) => [s.replies, s.context])).toEqual(b!.map((s) => [s.replies, s.context]));
  });
});
