import { describe, expect, it } from '@jest/globals';
import { createActor, waitFor } from 'xstate';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { type AnswerFn, fakeAskQuestion, isSettled, runMachine, text } from '../run-machine.js';

/** One live actor for the whole conversation, as a long-running process would hold it. */
function liveConversation(answer: AnswerFn) {
  const actor = createActor(cssAssistant.machine.provide({ actors: { askQuestion: fakeAskQuestion(answer) } }), {
    input: { at: 1000 },
  });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
  actor.start();
  return {
    actor,
    async say(event: UserEvent): Promise<OutboundMessage[]> {
      replies.length = 0;
      actor.send(event);
      await waitFor(actor, isSettled);
      return [...replies];
    },
  };
}

describe('css-assistant: questions to the CSS API', () => {
  it('sends the question, emits the answer as one text, then the buttons back', async () => {
    const long = 'Article. '.repeat(1000).trim();
    const chat = liveConversation(() => long);
    await chat.say(text('bonjour', 1000));
    const replies = await chat.say(text('Comment sont calculées les allocations ?', 2000));
    expect(replies).toEqual([
      { type: 'text', text: long },
      { type: 'buttons', body: texts.afterAnswer, buttons: expect.any(Array) },
    ]);
    expect(chat.actor.getSnapshot().value).toBe('idle');
  });

  it('is busy while the CSS API has not answered', async () => {
    let release: (answer: string) => void = () => undefined;
    const chat = liveConversation(() => new Promise<string>((resolve) => (release = resolve)));
    await chat.say(text('bonjour', 1000));
    chat.actor.send(text('Quel est le plafond ?', 2000));
    expect(chat.actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(chat.actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(isSettled(chat.actor.getSnapshot())).toBe(false);
    release('Le plafond est…');
    await waitFor(chat.actor, isSettled);
    expect(chat.actor.getSnapshot().value).toBe('idle');
  });

  it('apologises when the CSS API fails, and the conversation goes on', async () => {
    let down = true;
    const chat = liveConversation(async (q) => {
      if (down) throw new Error('CSS API timeout');
      return `R: ${q}`;
    });
    await chat.say(text('bonjour', 1000));
    expect(await chat.say(text('Quels sont les taux ?', 2000))).toEqual([{ type: 'text', text: texts.unavailable }]);
    expect(texts.unavailable).toContain('réessayez dans quelques instants');
    expect(chat.actor.getSnapshot().value).toBe('idle');
    down = false;
    const replies = await chat.say(text('Quels sont les taux ?', 3000));
    expect(replies[0]).toEqual({ type: 'text', text: 'R: Quels sont les taux ?' });
  });

  it('says so when the CSS API answers nothing', async () => {
    const [, step] = await runMachine(cssAssistant, [text('bonjour', 1000), text('???', 2000)], { answer: () => '  ' });
    expect(step!.replies.map((m) => m.type)).toEqual(['text', 'buttons']);
    expect(step!.replies[0]).toEqual({ type: 'text', text: texts.noAnswer });
  });

  it('without a provided askQuestion, the placeholder rejects and the user gets the apology', async () => {
    const actor = createActor(cssAssistant.machine, { input: { at: 1000 } });
    const replies: OutboundMessage[] = [];
    actor.on('reply', (e: { message: OutboundMessage }) => replies.push(e.message));
    actor.start();
    actor.send(text('Question ?', 1000));
    await waitFor(actor, isSettled);
    expect(replies.at(-1)).toEqual({ type: 'text', text: texts.unavailable });
  });

  it('a snapshot stored mid-question re-asks on restore, and a new question is answered after it', async () => {
    const asked: string[] = [];
    const hang = liveConversation(() => new Promise<string>(() => undefined));
    await hang.say(text('bonjour', 1000));
    hang.actor.send(text('Première question', 2000));
    const stored = JSON.parse(JSON.stringify(hang.actor.getPersistedSnapshot()));
    hang.actor.stop();
    const [step] = await runMachine(cssAssistant, [text('Deuxième question', 3000)], {
      from: stored,
      answer: (q) => (asked.push(q), `R: ${q}`),
    });
    expect(step!.replies.map((m) => m.type)).toEqual(['text', 'buttons', 'text', 'buttons']);
    expect(step!.replies[0]).toEqual({ type: 'text', text: 'R: Première question' });
    expect(step!.replies[2]).toEqual({ type: 'text', text: 'R: Deuxième question' });
    expect(asked).toEqual(['Première question', 'Deuxième question']);
    expect(step!.value).toBe('idle');
  });
});
