import { describe, expect, it } from '@jest/globals';
import { type AnyActorRef, type Snapshot, createActor, fromPromise } from 'xstate';
import { MAX_QUEUED, cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { choice, isSettled, text } from '../run-machine.js';
import { bodyOf, flush, liveWithPendingQuestions, rowIds } from './helpers.js';

// The runtime lets a slow CSS call pend across turns: the user's other messages are handled meanwhile, and the
// answer arrives later as `xstate.done.actor.askQuestion`. Nothing the user does in the dialog cancels it.
describe('css-assistant: while a question is with the CSS', () => {
  it('answers menu, aide and contact at once, and the pending answer still arrives afterwards', async () => {
    const { actor, pending, newReplies } = liveWithPendingQuestions();
    actor.send(text('bonjour', 1000));
    actor.send(text('Quel est le taux ?', 2000));
    newReplies();
    expect(pending.map((p) => p.question)).toEqual(['Quel est le taux ?']);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);

    for (const [command, expected] of [['menu', 'list'], ['aide', texts.help], ['contact', texts.contact], ['merci', texts.smallTalk.thanks]] as const) {
      actor.send(text(command, 3000));
      const [reply] = newReplies();
      expect(expected === 'list' ? reply?.type : bodyOf(reply)).toBe(expected);
      expect(Object.keys(actor.getSnapshot().children)).toEqual(['askQuestion']);
    }
    pending[0]!.resolve('Le taux est de 7 %.');
    await flush();
    expect(newReplies().map(bodyOf)).toEqual(['Le taux est de 7 %.']);
    expect(actor.getSnapshot().value).toEqual({ dialog: 'contact', question: 'ready' });
    expect(isSettled(actor.getSnapshot())).toBe(true);
    actor.stop();
  });

  it('a second question gets a short notice and is answered right after the first, in order', async () => {
    const { actor, pending, newReplies } = liveWithPendingQuestions();
    actor.send(text('bonjour', 1000));
    actor.send(text('Première ?', 2000));
    actor.send(choice('cotisations.taux', 3000));
    expect(newReplies().slice(1)).toEqual([{ type: 'text', text: texts.queued }]);
    expect(pending).toHaveLength(1);
    pending[0]!.resolve('Réponse 1');
    await flush();
    expect(newReplies().map(bodyOf)).toEqual(['Réponse 1']);
    expect(pending.map((p) => p.question)).toEqual(['Première ?', expect.stringMatching(/taux de cotisation/)]);
    pending[1]!.resolve('Réponse 2');
    await flush();
    expect(newReplies().map(bodyOf)).toEqual(['Réponse 2']);
    expect(isSettled(actor.getSnapshot())).toBe(true);
    actor.stop();
  });

  it(`keeps at most ${MAX_QUEUED} questions waiting, with one notice per wait, and says so past that`, async () => {
    const { actor, pending, newReplies } = liveWithPendingQuestions();
    actor.send(text('bonjour', 1000));
    for (let i = 0; i <= MAX_QUEUED + 1; i++) actor.send(text(`Question ${i} ?`, 2000 + i));
    const notices = newReplies().slice(1).map(bodyOf);
    expect(notices).toEqual([texts.queued, texts.queueFull(MAX_QUEUED)]);
    for (let i = 0; i <= MAX_QUEUED; i++) {
      pending[i]!.resolve(`R${i}`);
      await flush();
    }
    expect(pending.map((p) => p.question)).toEqual(Array.from({ length: MAX_QUEUED + 1 }, (_, i) => `Question ${i} ?`));
    expect(newReplies().map(bodyOf)).toEqual(Array.from({ length: MAX_QUEUED + 1 }, (_, i) => `R${i}`));
    actor.stop();
  });

  it('a call stored pending, restored in a later turn, takes menu meanwhile and the result delivered as an event', async () => {
    const { actor } = liveWithPendingQuestions();
    actor.send(text('bonjour', 1000));
    actor.send(text('Quel est le taux ?', 2000));
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>;
    actor.stop();

    // A later turn: the call runs elsewhere (the actor never settles here), the user types `menu`, then the result comes.
    const never = fromPromise<string, { question: string }>(() => new Promise<string>(() => undefined));
    const later = createActor(cssAssistant.machine.provide({ actors: { askQuestion: never } }), { snapshot: stored });
    const replies: OutboundMessage[] = [];
    later.on('reply', (event: { message: OutboundMessage }) => replies.push(event.message));
    later.start();
    later.send(text('menu', 3000));
    expect(rowIds(replies[0])).toContain('cotisations');
    later.send({ type: 'xstate.done.actor.askQuestion', output: 'Le taux est de 7 %.' } as never);
    expect(replies.slice(1).map(bodyOf)).toEqual(['Le taux est de 7 %.']);
    expect(later.getSnapshot().value).toEqual({ dialog: 'menu', question: 'ready' });
    expect((later.getSnapshot().children as Record<string, AnyActorRef | undefined>).askQuestion).toBeUndefined();
    later.stop();
  });
});
