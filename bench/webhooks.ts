/**
 * The webhooks the bench sends, built with the test suite's payload builders so they have Meta's real shape,
 * escaped wire form and signature. Built before a phase starts, so signing costs nothing during measurement.
 */

import { signBody, textMessage, toWire, webhookBody } from '../test/builders/payloads.js';
import type { PreparedRequest } from './load-generator.js';

/** The app secret shared by the bench, the project and the baseline server. */
export const BENCH_SECRET = 'bench-app-secret';

/** A greeting: a fresh conversation answers it with exactly one reply (the welcome). */
export const GREETING = 'bonjour';
/** A question: a fresh conversation answers it with three replies (welcome, the CSS answer, the follow-up buttons). */
export const QUESTION = "Quelles pièces faut-il fournir pour l'immatriculation d'un employeur ?";

/** One user's message in a phase: where the replies will go and the request that carries it. */
export interface BenchMessage {
  /** The business number the phase writes to: each phase has its own, so its conversations start fresh. */
  readonly phoneNumberId: string;
  /** The user's phone number: replies come back with `to` set to it. */
  readonly phone: string;
  readonly wamid: string;
  readonly request: PreparedRequest;
}

/** User `i`'s phone number, 12 digits like Senegalese numbers: 2217xxxxxxxx. */
export function phoneOf(i: number): string {
  return `2217${String(i).padStart(8, '0')}`;
}

/**
 * One signed webhook per user, users `0 … count-1`, each carrying one text message to `phoneNumberId`.
 *
 * @example
 * const messages = buildMessages('100000000000002', 10_000, GREETING);
 */
export function buildMessages(phoneNumberId: string, count: number, text: string): BenchMessage[] {
  const messages: BenchMessage[] = [];
  for (let i = 0; i < count; i += 1) {
    const phone = phoneOf(i);
    const built = textMessage({ from: phone, body: text, phoneNumberId, name: `Utilisateur ${i}` });
    const raw = toWire(webhookBody(built));
    const wamid = String(built.message['id']);
    messages.push({
      phoneNumberId,
      phone,
      wamid,
      request: {
        body: Buffer.from(raw, 'utf8'),
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, BENCH_SECRET) },
      },
    });
  }
  return messages;
}
