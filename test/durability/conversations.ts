/**
 * Scripted users for the durability scenarios and the bookkeeping of what they received: every message is a
 * distinct question whose CSS answer (`R <question>`) names it, so a lost, doubled or reordered reply shows.
 */

import { randomInt } from 'node:crypto';
import { textMessage, webhookBody, type WebhookBody } from '../builders/payloads.js';
import type { CssAnswerFn } from '../support/css-stand-in.js';
import { textsOf, type GraphRequest } from '../support/graph-stand-in.js';
import { postSigned } from '../support/spawn-server.js';
import { eventually } from '../support/eventually.js';
import { SECRET, serverErrors, type Stand } from './stand.js';
import { texts as cssTexts } from '../../machines/css-assistant/index.js';

/** One inbound message, built once so every redelivery carries the same wamid and bytes. */
export interface Delivery {
  readonly question: string;
  readonly body: WebhookBody;
}

/** A user of a scenario: a fresh phone number and the messages they send, in order. */
export interface User {
  readonly phone: string;
  readonly messages: readonly Delivery[];
}

/** The answer the deterministic CSS stand-in gives to `question`. */
export const answerOf = (question: string): string => `R ${question}`;

/** Answers `R <question>` after 0–`maxDelayMs` ms, so turns overlap and finish out of step. */
export const deterministicCss =
  (maxDelayMs = 15): CssAnswerFn =>
  (question) => ({ delayMs: randomInt(0, maxDelayMs + 1), answer: answerOf(question) });

/** `count` users with fresh phone numbers, each sending `perUser` distinct questions. */
export function makeUsers(count: number, perUser: number): User[] {
  const base = 221_700_000_000 + randomInt(0, 90_000) * 1000;
  return Array.from({ length: count }, (_, u) => {
    const phone = String(base + u);
    return {
      phone,
      messages: Array.from({ length: perUser }, (_, m) => {
        const question = `Question ${m + 1} de ${phone} ?`;
        return { question, body: webhookBody(textMessage({ from: phone, body: question })) };
      }),
    };
  });
}

/** Replies a user must get: the welcome (first message), then one answer per question, its buttons attached. */
export const expectedReplies = (user: User): number => 1 + user.messages.length;

/**
 * What one user received, in arrival order at the Graph stand-in. The notice that a question waits behind another
 * (sent once per wait, so as often as the user's questions happened to overlap) is not counted among the replies.
 */
export function received(requests: readonly GraphRequest[], user: User): { answers: string[]; replies: number; welcome: boolean } {
  const texts = textsOf(requests, user.phone).filter((text) => !text.startsWith(cssTexts.queued));
  return {
    // An answer is one message: its text, then a line of buttons.
    answers: texts.filter((text) => text.startsWith('R ')).map((text) => text.split('\n')[0] ?? text),
    replies: texts.length,
    welcome: texts[0]?.includes('Bienvenue') ?? false,
  };
}

/** The exact outcome "every message answered once, in the user's order", in the shape `received` returns. */
export function exactlyOnceInOrder(user: User): { answers: string[]; replies: number; welcome: boolean } {
  return { answers: user.messages.map((m) => answerOf(m.question)), replies: expectedReplies(user), welcome: true };
}

/** True once every user has at least the replies owed to them (duplicates may still be among them). */
export function allAnswered(requests: readonly GraphRequest[], users: readonly User[]): boolean {
  return users.every((user) => {
    const { answers, replies } = received(requests, user);
    return replies >= expectedReplies(user) && user.messages.every((m) => answers.includes(answerOf(m.question)));
  });
}

/**
 * Resolves once every user has all the replies owed and no conversation has work in progress (nothing more
 * can be sent); on timeout, rejects saying who is missing what and which keys are still busy.
 */
export async function settled(stand: Stand, users: readonly User[], timeoutMs: number): Promise<void> {
  await eventually(async () => {
    const short = users.filter((user) => !allAnswered(stand.graph.requests, [user]));
    const busy = await stand.busyKeys();
    if (short.length === 0 && busy.length === 0) return true;
    const missing = short.slice(0, 5).map((user) => {
      const got = received(stand.graph.requests, user);
      const unanswered = user.messages.filter((m) => !got.answers.includes(answerOf(m.question))).map((m) => m.question);
      return `${user.phone} has ${got.replies}/${expectedReplies(user)} replies, unanswered: ${JSON.stringify(unanswered)}`;
    });
    const errors = [...new Set(stand.servers.flatMap(serverErrors))].slice(0, 5);
    const dead = await stand.redis.lrange(`${stand.keyPrefix}dead`, 0, 2).catch((error: unknown) => [String(error)]);
    throw new Error(
      `not settled: ${short.length} user(s) short (${missing.join('; ')}); busy keys: ${busy.slice(0, 10).join(' ')}; ` +
        `server errors: ${JSON.stringify(errors)}; dead letters: ${dead.map((entry) => entry.slice(0, 300)).join(' | ')}`,
    );
  }, timeoutMs, 100);
}

/** Counters of {@link deliver}: refusals are Meta's redeliveries. */
export interface DeliveryStats {
  ok: number;
  refused: number;
  unreachable: number;
}

/** Fresh counters for one scenario. */
export const newStats = (): DeliveryStats => ({ ok: 0, refused: 0, unreachable: 0 });

/**
 * Delivers one webhook the way Meta does: anything but a 200 (a 503, a dead process) is delivered again, to
 * `pick(attempt)`'s process, until a 200 or `deadlineMs`. The short pause between attempts stands for
 * Meta's back-off.
 */
export async function deliver(body: WebhookBody, pick: (attempt: number) => string, stats: DeliveryStats, deadlineMs = 20_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    const status = await postSigned(pick(attempt), body, SECRET).catch(() => 0);
    if (status === 200) {
      stats.ok += 1;
      return;
    }
    if (status === 0) stats.unreachable += 1;
    else stats.refused += 1;
    if (Date.now() > deadline) throw new Error(`webhook still refused after ${deadlineMs} ms (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Extra replies beyond those owed, in total and per user (a negative count never happens once all arrived). */
export function duplicatesOf(requests: readonly GraphRequest[], users: readonly User[]): { total: number; byUser: Map<string, number> } {
  const byUser = new Map<string, number>();
  for (const user of users) {
    const extra = received(requests, user).replies - expectedReplies(user);
    if (extra !== 0) byUser.set(user.phone, extra);
  }
  return { total: [...byUser.values()].reduce((sum, n) => sum + n, 0), byUser };
}
