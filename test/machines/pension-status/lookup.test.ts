import { describe, expect, it } from '@jest/globals';
import { type Snapshot, createActor, waitFor } from 'xstate';
import { pensionStatus, texts } from '../../../machines/pension-status/index.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import type { FileStatus } from '../../../src/domain/file-status.js';
import { choice, isSettled, text } from '../run-machine.js';
import { FILES, bodyOf, buttonIds, fakeLookup, play } from './fake-lookup.js';

describe('pension-status: asking the CSS', () => {
  it('says kindly when no file has that number, and offers to correct it', async () => {
    const steps = await play([text(FILES.unknown, 1000), choice('confirmer', 2000), choice('corriger', 3000), text(FILES.dated, 4000)]);
    expect(steps[1]!.replies).toEqual([{ type: 'buttons', body: texts.notFound(FILES.unknown), buttons: expect.any(Array) }]);
    expect(bodyOf(steps[1]!.replies[0])).toContain(FILES.unknown);
    expect(buttonIds(steps[1]!.replies[0])).toEqual(['corriger', 'aide']);
    expect(steps.map((s) => s.value)).toEqual(['confirming', 'notFound', 'askingNumber', 'confirming']);
  });

  it('says the service is down (never "no file"), keeps the number, and [Réessayer] looks it up again', async () => {
    let down = true;
    const lookup = (n: string): FileStatus => {
      if (down) throw new AnswerUnavailableError('http-status', 'CSS API answered HTTP 503', 503);
      return { found: true, status: `Statut de ${n}` };
    };
    const first = await play([text(FILES.dated, 1000), choice('confirmer', 2000)], { lookup });
    expect(first[1]!.replies.map(bodyOf)).toEqual([texts.unavailable(FILES.dated)]);
    expect(buttonIds(first[1]!.replies[0])).toEqual(['reessayer', 'nouveau', 'aide']);
    expect(bodyOf(first[1]!.replies[0])).not.toMatch(/ne trouve pas/);
    expect(first[1]!.value).toBe('unavailable');

    down = false;
    const retry = await play([choice('reessayer', 3000)], { lookup, from: first[1]!.persisted });
    expect(retry.map((s) => s.value)).toEqual(['showingStatus']);
    expect(bodyOf(retry[0]!.replies[0])).toContain(`Statut de ${FILES.dated}`);
  });

  it('tells a slow CSS from a down one', async () => {
    const lookup = (): FileStatus => {
      throw new AnswerUnavailableError('timeout', 'CSS API did not answer in time');
    };
    const [, step] = await play([text(FILES.dated, 1000), choice('confirmer', 2000)], { lookup });
    expect(step!.replies.map(bodyOf)).toEqual([texts.timedOut(FILES.dated)]);
    expect(texts.timedOut(FILES.dated)).not.toBe(texts.unavailable(FILES.dated));
  });

  it('is busy while the CSS has not answered', async () => {
    let release: (status: FileStatus) => void = () => undefined;
    const machine = pensionStatus.machine.provide({
      actors: { lookupFileStatus: fakeLookup(() => new Promise<FileStatus>((resolve) => (release = resolve))) },
    });
    const actor = createActor(machine, { input: { at: 1000 } }).start();
    actor.send(text(FILES.dated, 1000));
    actor.send(choice('confirmer', 2000));
    expect(actor.getSnapshot().value).toBe('lookingUp');
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(isSettled(actor.getSnapshot())).toBe(false);
    release({ found: false });
    await waitFor(actor, isSettled);
    expect(actor.getSnapshot().value).toBe('notFound');
    actor.stop();
  });

  it('without a provided lookupFileStatus, the placeholder rejects and the user gets the apology', async () => {
    const actor = createActor(pensionStatus.machine, { input: { at: 1000 } });
    const replies: OutboundMessage[] = [];
    actor.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
    actor.start();
    actor.send(text(FILES.dated, 1000));
    actor.send(choice('confirmer', 2000));
    await waitFor(actor, isSettled);
    expect(replies.map(bodyOf).slice(-1)).toEqual([texts.unavailable(FILES.dated)]);
    actor.stop();
  });

  it('a snapshot stored mid-lookup asks the CSS again on restore and answers', async () => {
    const hanging = pensionStatus.machine.provide({ actors: { lookupFileStatus: fakeLookup(() => new Promise<FileStatus>(() => undefined)) } });
    const first = createActor(hanging, { input: { at: 1000 } }).start();
    first.send(text(FILES.dated, 1000));
    first.send(choice('confirmer', 2000));
    const stored = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as Snapshot<unknown>;
    first.stop();

    const asked: string[] = [];
    const restored = pensionStatus.machine.provide({
      actors: { lookupFileStatus: fakeLookup((n) => (asked.push(n), { found: true, status: 'Payée' })) },
    });
    const second = createActor(restored, { snapshot: stored });
    const replies: OutboundMessage[] = [];
    second.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
    second.start();
    await waitFor(second, isSettled);
    expect(asked).toEqual([FILES.dated]);
    expect(second.getSnapshot().value).toBe('showingStatus');
    expect(bodyOf(replies[0])).toContain('Payée');
    second.stop();
  });
});
