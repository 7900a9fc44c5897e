/**
 * Memory with many users (issue 11): greetings from `total` distinct users, the server's RSS read once the first
 * `first` users were served and again after all of them. With every conversation in Redis, the process must not keep
 * anything per user: its RSS stays flat.
 */

import type { ServerChild } from './child-process.js';
import { measure, type Pace, type PhaseSpec } from './phase.js';
import type { BenchMessage } from './webhooks.js';

export interface RssGrowth {
  readonly firstUsers: number;
  readonly totalUsers: number;
  readonly rssAfterFirst: number;
  readonly rssAfterAll: number;
  /** `rssAfterAll ÷ rssAfterFirst`. */
  readonly growth: number;
}

/** Serves `messages` (one per user) in chunks, reading RSS after the first `first` users and after all. */
export async function measureRssGrowth(
  server: ServerChild,
  specFor: (name: string, messages: readonly BenchMessage[], pace: Pace) => PhaseSpec,
  messages: readonly BenchMessage[],
  first: number,
  pace: Pace,
): Promise<RssGrowth> {
  const chunk = Math.min(first, 10_000);
  let rssAfterFirst = 0;
  for (let from = 0; from < messages.length; from += chunk) {
    await measure(specFor(`users ${from + 1}–${Math.min(messages.length, from + chunk)}`, messages.slice(from, from + chunk), pace));
    if (from + chunk === first) rssAfterFirst = server.rss();
  }
  const rssAfterAll = server.rss();
  return {
    firstUsers: first,
    totalUsers: messages.length,
    rssAfterFirst,
    rssAfterAll,
    growth: rssAfterFirst > 0 ? Math.round((rssAfterAll / rssAfterFirst) * 1000) / 1000 : 0,
  };
}
