import { afterAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { answerOf, deliver, makeUsers, newStats } from './conversations.js';
import { metricSum, serverErrors, startStand, type Stand } from './stand.js';

// kill -9 of the only process while 500 CSS calls are in flight. Nothing about them is lost: each call was recorded
// with the turn that started it, so the restarted process runs them again once their lease passes, and each answer
// is applied once.
describe('kill -9 of the only process with 500 CSS calls in flight', () => {
  let stand: Stand | undefined;
  afterAll(async () => stand?.close(), 20_000);

  it('answers every question exactly once after a restart', async () => {
    let crashed = false;
    let hung = 0;
    // Until the crash, every question hangs at the CSS API; afterwards it is answered at once.
    stand = await startStand({ css: (question) => (crashed ? answerOf(question) : (hung++, new Promise<string>(() => undefined))) });
    // A time limit long enough for all 500 to be in flight together before the kill, however loaded the machine (the
    // limit runs from each asking turn), and for the restarted process to run them again; their claims (renewed every
    // 5 s by the process that runs them) pass within 15 s of its death.
    const env = { CSS_API_TIMEOUT_MS: '90000', OUTBOUND_PER_SECOND: '1000' };
    const first = await stand.spawn(env);
    const users = makeUsers(500, 1);
    const stats = newStats();
    await Promise.all(users.map((user) => deliver(user.messages[0]!.body, () => first.url, stats)));
    await eventually(async () => {
      const inFlight = await metricSum(first, 'wa_effects_in_flight');
      if (hung !== 500 || inFlight !== 500) throw new Error(`${hung} questions at the CSS API, ${inFlight} calls in flight`);
      return true;
    }, 60_000, 50);

    expect(await first.kill('SIGKILL')).toBeNull();
    crashed = true;
    const killedAt = Date.now();
    const second = await stand.spawn(env);
    /** The answers a user got (an answer is one message: its text, then its buttons). */
    const answersOf = (phone: string) => textsOf(stand!.graph.requests, phone).filter((text) => text.startsWith('R ')).map((text) => text.split('\n')[0]);
    const answered = () => users.filter((user) => answersOf(user.phone).includes(answerOf(user.messages[0]!.question)));
    await eventually(async () => {
      const done = answered().length;
      if (done === 500) return true;
      const recovered = await metricSum(second, 'wa_effects_recovered_total');
      throw new Error(`${done} of 500 answered, ${recovered} calls recovered; errors: ${serverErrors(second).slice(0, 3).join(' | ')}`);
    }, 60_000, 200);
    console.log(`kill -9 with 500 calls in flight: all answered ${Date.now() - killedAt} ms after the kill`);

    for (const user of users) {
      const answers = answersOf(user.phone);
      expect({ phone: user.phone, answers }).toEqual({ phone: user.phone, answers: [answerOf(user.messages[0]!.question)] });
    }
    expect(await metricSum(second, 'wa_effects_recovered_total')).toBe(500);
    expect(stand.css.questions.filter((q) => q.startsWith('Question'))).toHaveLength(1000); // each asked again once
    expect(serverErrors(second)).toEqual([]);
  }, 180_000);
});
