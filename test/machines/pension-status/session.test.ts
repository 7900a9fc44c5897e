import { describe, expect, it } from '@jest/globals';
import { type Snapshot, createActor, waitFor } from 'xstate';
import { defaultMachineId, machines } from '../../../machines/index.js';
import { pensionStatus, texts } from '../../../machines/pension-status/index.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, isSettled, media, text } from '../run-machine.js';
import { FILES, bodyOf, fakeFiles, fakeLookup, play } from './fake-lookup.js';

describe('pension-status: registration, session data and persistence', () => {
  it('is registered next to the default machine, version 1, with a description and sample events', () => {
    expect(machines['pension-status']).toBe(pensionStatus);
    expect(defaultMachineId).toBe('css-assistant');
    expect(pensionStatus).toMatchObject({ id: 'pension-status', version: 1, description: expect.stringContaining('dossier') });
    expect(pensionStatus.machine.id).toBe('pension-status');
    expect(pensionStatus.sampleEvents?.length).toBeGreaterThan(10);
  });

  it('starts a session from its input', () => {
    const actor = createActor(pensionStatus.machine, { input: { at: 500, profileName: 'Moussa' } }).start();
    expect(actor.getSnapshot().value).toBe('welcome');
    expect(actor.getSnapshot().context).toEqual({ startedAt: 500, lastActivityAt: 500, messageCount: 0, attempts: 0, profileName: 'Moussa' });
    actor.stop();
  });

  it('counts every user event, keeps the time of the last one and the latest profile name', async () => {
    const steps = await play([
      text('bonjour', 1000, 'Awa'),
      text('12', 2000),
      media(3000),
      text(FILES.dated, 4000, 'Awa D.'),
      choice('confirmer', 5000),
    ]);
    expect(steps.map((s) => s.context.messageCount)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.map((s) => s.context.lastActivityAt)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(steps.map((s) => s.context.profileName)).toEqual(['Awa', 'Awa', 'Awa', 'Awa D.', 'Awa D.']);
    expect(steps.every((s) => s.context.startedAt === 1000)).toBe(true);
  });

  it('a snapshot persisted mid-form, restored into a new actor, continues without replaying anything', async () => {
    const provided = pensionStatus.machine.provide({ actors: { lookupFileStatus: fakeLookup(fakeFiles) } });
    const first = createActor(provided, { input: { at: 1000 } }).start();
    first.send(text('bonjour', 1000));
    first.send(text('12', 2000));
    first.send(text(FILES.dated, 3000));
    const stored = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as Snapshot<unknown>;
    first.stop();

    const second = createActor(provided, { snapshot: stored });
    const replies: OutboundMessage[] = [];
    second.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
    second.start();
    expect(second.getSnapshot().value).toBe('confirming');
    expect(second.getSnapshot().context).toMatchObject({ registrationNumber: FILES.dated, attempts: 0, messageCount: 3 });
    expect(replies).toEqual([]);
    second.send(choice('confirmer', 4000));
    await waitFor(second, isSettled);
    expect(bodyOf(replies[0])).toContain('En cours d’instruction');
    expect(second.getSnapshot().context).toMatchObject({ messageCount: 4, lastActivityAt: 4000, startedAt: 1000 });
    second.stop();
  });

  it('the invalid-attempt count survives the round trip of every message', async () => {
    const steps = await play([text('bonjour', 1000), text('1', 2000), text('2', 3000), text('3', 4000)]);
    expect(steps.map((s) => (s.persisted as { context?: { attempts?: number } }).context?.attempts)).toEqual([0, 1, 2, 0]);
    expect(bodyOf(steps[3]!.replies[0])).toBe(texts.tooManyAttempts);
  });

  it('is deterministic: the same script gives the same replies and context', async () => {
    const script = [text('Salam', 1000), text('12', 2000), text(FILES.undated, 3000), text('oui', 4000)];
    const [a, b] = await Promise.all([play(script), play(script)]);
    expect(a.map((s) => [s.replies, s.context])).toEqual(b.map((s) => [s.replies, s.context]));
  });
});
