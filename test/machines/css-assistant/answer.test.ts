import { describe, expect, it } from '@jest/globals';
import { FAILURES_BEFORE_CONTACT, categories, texts } from '../../../machines/css-assistant/index.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { WHATSAPP_LIMITS } from '../../../src/domain/whatsapp-limits.js';
import { choice, text } from '../run-machine.js';
import { afterGreeting, bodyOf, buttonIds, dialogOf } from './helpers.js';

const topic = categories[0]!.topics[0]!;
const down = () => {
  throw new AnswerUnavailableError('http-status', 'CSS API answered HTTP 500', 500);
};

describe('css-assistant: answers and failures', () => {
  it('sends a short answer as one message carrying its buttons and what to do next', async () => {
    const { steps: [step], asked } = await afterGreeting([text('  Quel est le taux ?  ', 2000)], () => 'Le taux est de 7 %.');
    expect(asked).toEqual(['Quel est le taux ?']);
    expect(step!.replies).toEqual([
      {
        type: 'buttons',
        body: 'Le taux est de 7 %.',
        footer: texts.answerFooter,
        buttons: [{ id: 'menu', title: texts.buttons.menu }, { id: 'aide', title: texts.buttons.aide }, { id: 'contact', title: texts.buttons.contact }],
      },
    ]);
  });

  it('a tapped topic costs one message too', async () => {
    const { steps: [step], asked } = await afterGreeting([choice(topic.id, 2000)], () => 'Réponse courte.');
    expect(asked).toEqual([topic.question]);
    expect(step!.replies).toHaveLength(1);
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'aide', 'contact']);
  });

  it('sends a long answer in numbered parts, the last one short enough to carry the buttons', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `mot${i}`).join(' '); // ~5,800 characters
    const { steps: [step] } = await afterGreeting([text('Une longue question ?', 2000)], () => long);
    const parts = step!.replies;
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.slice(0, -1).every((p) => p.type === 'text' && p.text.length <= WHATSAPP_LIMITS.answerPart)).toBe(true);
    const lastPart = parts.at(-1)!;
    expect(lastPart.type).toBe('buttons');
    expect(bodyOf(lastPart)!.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.interactiveBody);
    parts.forEach((part, i) => expect(bodyOf(part)!.startsWith(i === 0 ? `(1/${parts.length})\n` : `(Suite ${i + 1}/${parts.length})\n`)).toBe(true));
    const words = parts.map((p) => bodyOf(p)!.replace(/^\((?:Suite )?\d+\/\d+\)\n/, '')).join(' ').split(/\s+/);
    expect(words).toEqual(long.split(' '));
  });

  it('says so when the CSS found no answer, and offers the menu and contact', async () => {
    const { steps: [step] } = await afterGreeting([text('Une question ?', 2000)], () => '   ');
    expect(step!.replies).toEqual([{ type: 'buttons', body: texts.noAnswer, buttons: expect.any(Array) }]);
    expect(buttonIds(step!.replies[0])).toEqual(['menu', 'contact', 'aide']);
  });

  it.each([
    ['down', down, texts.failure.down],
    ['slow past its timeout', () => { throw new AnswerUnavailableError('timeout', 'CSS API did not answer in time'); }, texts.failure.timeout],
    ['failing in a way no one classified', () => { throw new Error('boom'); }, texts.failure.down],
  ])('when the CSS is %s: says which, gives the phone number, offers Réessayer, Menu, Contact', async (_case, answer, said) => {
    const { steps: [step] } = await afterGreeting([text('Une question ?', 2000)], answer);
    expect(step!.replies).toEqual([{ type: 'buttons', body: said, buttons: expect.any(Array) }]);
    expect(said).toMatch(/\+221 \d\d/);
    expect(buttonIds(step!.replies[0])).toEqual(['reessayer', 'menu', 'contact']);
  });

  it('tells "down", "timed out" and "no answer" apart', () => {
    expect(new Set([texts.failure.down, texts.failure.timeout, texts.noAnswer]).size).toBe(3);
  });

  it('[Réessayer] asks the last question again, a topic as well as a typed one', async () => {
    let failing = true;
    const { steps, asked } = await afterGreeting(
      [choice(topic.id, 2000), choice('reessayer', 3000), text('réessayer', 4000)],
      (q) => (failing ? ((failing = false), down()) : `Réponse : ${q}`),
    );
    expect(asked).toEqual([topic.question, topic.question, topic.question]);
    expect(bodyOf(steps[1]!.replies[0])).toBe(`Réponse : ${topic.question}`);
  });

  it('[Réessayer] with nothing asked yet invites a question, and asks nothing', async () => {
    const { steps: [step], asked } = await afterGreeting([text('réessayer', 2000)]);
    expect(bodyOf(step!.replies[0])).toBe(texts.nothingToRetry);
    expect(asked).toEqual([]);
  });

  it(`after ${FAILURES_BEFORE_CONTACT} failures in a row, brings the contact details by itself, in one message`, async () => {
    const { steps } = await afterGreeting([text('Question 1 ?', 2000), text('Question 2 ?', 3000), text('Question 3 ?', 4000)], (q) =>
      q === 'Question 3 ?' ? 'Enfin une réponse.' : down(),
    );
    expect(steps[1]!.replies).toHaveLength(1);
    expect(bodyOf(steps[1]!.replies[0])).toBe(`${texts.failure.again}\n\n${texts.contact}`);
    expect(buttonIds(steps[1]!.replies[0])).toEqual(['reessayer', 'agent', 'menu']);
    expect(dialogOf(steps[1])).toBe('contact');
    expect(bodyOf(steps[2]!.replies[0])).toBe('Enfin une réponse.');
  });

  it('an answer found in between resets the count', async () => {
    const { steps } = await afterGreeting([text('Q1 ?', 2000), text('Q2 ?', 3000), text('Q3 ?', 4000)], (q) => (q === 'Q2 ?' ? 'Oui.' : down()));
    expect(bodyOf(steps[2]!.replies[0])).toBe(texts.failure.down);
  });
});
