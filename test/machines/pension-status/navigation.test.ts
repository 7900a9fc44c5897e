import { describe, expect, it } from '@jest/globals';
import { createActor, waitFor } from 'xstate';
import { pensionStatus, texts } from '../../../machines/pension-status/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { FileStatus } from '../../../src/domain/file-status.js';
import { choice, isSettled, media, other, text } from '../run-machine.js';
import { FILES, bodyOf, fakeLookup, play } from './fake-lookup.js';

/** How to reach each resting state after the welcome, from a new session. */
const reach: Record<string, readonly UserEvent[]> = {
  askingNumber: [text('bonjour', 1000), text('12', 1500)],
  confirming: [text(FILES.dated, 1000)],
  showingStatus: [text(FILES.dated, 1000), choice('confirmer', 1500)],
  notFound: [text(FILES.unknown, 1000), choice('confirmer', 1500)],
  help: [text('aide', 1000)],
};
const states = Object.keys(reach);

/** Plays `event` in `state` and returns the step it made. */
async function from(state: string, event: UserEvent) {
  const steps = await play([...reach[state]!, event]);
  expect(steps.at(-2)!.value).toBe(state);
  return steps.at(-1)!;
}

describe('pension-status: commands from every state', () => {
  it.each(states.flatMap((s) => ['aide', '/Help', 'AIDE'].map((c) => [s, c])))('in %s, %j shows the help', async (state, command) => {
    const step = await from(state!, text(command!, 9000));
    expect(step.replies).toEqual([{ type: 'text', text: texts.help }]);
    expect(step.value).toBe('help');
  });

  it.each(states.flatMap((s) => [[s, text('annuler', 9000)], [s, text('/Annulér', 9000)]] as const))(
    'in %s, %j starts over',
    async (state, event) => {
      const step = await from(state, event);
      expect(step.replies.map(bodyOf)).toEqual([texts.cancelled, texts.askNumber]);
      expect(step.value).toBe('askingNumber');
      expect(step.context).toMatchObject({ attempts: 0 });
      expect((step.context as { registrationNumber?: string }).registrationNumber).toBeUndefined();
    },
  );

  it.each(
    states.flatMap((s) => [
      [s, choice('aide', 9000), 'help'],
      [s, choice('nouveau', 9000), 'askingNumber'],
      [s, text('Nouveau', 9000), 'askingNumber'],
    ] as const),
  )('in %s, the tap or word %j leads to %s with one reply', async (state, event, target) => {
    const step = await from(state, event);
    expect(step.value).toBe(target);
    expect(step.replies).toHaveLength(1);
    if (target === 'askingNumber') {
      expect(step.context).toMatchObject({ attempts: 0 });
      expect((step.context as { registrationNumber?: string }).registrationNumber).toBeUndefined();
    }
  });

  it.each(states.flatMap((s) => [[s, media(9000)], [s, other(9000)]] as const))(
    'in %s, a %j gets the text-only reply and changes nothing else',
    async (state, event) => {
      const steps = await play([...reach[state]!, event]);
      const [before, after] = steps.slice(-2);
      expect(after!.replies).toEqual([{ type: 'text', text: texts.textOnly }]);
      expect(after!.value).toBe(state);
      expect(after!.context).toEqual({ ...before!.context, messageCount: before!.context.messageCount + 1, lastActivityAt: 9000 });
    },
  );

  it.each([
    ['aide', ['welcome', 'help'], 'help'],
    ['annuler', ['welcome', 'askNumber'], 'askingNumber'],
    ['nouveau', ['welcome', 'askNumber'], 'askingNumber'],
  ])('as the first message, %j gets the welcome first', async (command, replies, state) => {
    const [step] = await play([text(command, 1000)]);
    const expected = { welcome: texts.welcome(), help: texts.help, askNumber: texts.askNumber } as Record<string, string>;
    expect(step!.replies.map(bodyOf)).toEqual(replies.map((r) => expected[r]));
    expect(step!.value).toBe(state);
  });

  it.each([
    ['a photo', media(1000)],
    ['a location', other(1000)],
  ])('%s as the first message gets the welcome, the text-only reply and the number question', async (_, event) => {
    const [step] = await play([event]);
    expect(step!.replies.map(bodyOf)).toEqual([texts.welcome(), texts.textOnly, texts.askNumber]);
    expect(step!.value).toBe('askingNumber');
    expect(step!.context).toMatchObject({ messageCount: 1, attempts: 0 });
  });

  it('a command while the CSS is being asked stops the lookup and is answered', async () => {
    const never = fakeLookup(() => new Promise<FileStatus>(() => undefined));
    const actor = createActor(pensionStatus.machine.provide({ actors: { lookupFileStatus: never } }), { input: { at: 1000 } }).start();
    actor.send(text(FILES.dated, 1000));
    actor.send(choice('confirmer', 2000));
    expect(actor.getSnapshot().value).toBe('lookingUp');
    actor.send(text('annuler', 3000));
    await waitFor(actor, isSettled);
    expect(actor.getSnapshot().value).toBe('askingNumber');
    expect(Object.keys(actor.getSnapshot().children)).toEqual([]);
    actor.stop();
  });
});
