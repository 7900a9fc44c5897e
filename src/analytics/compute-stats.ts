import type { Interaction } from '../ports/interaction-recorder.js';

/** Interactions in one clock hour (UTC). */
export interface HourCount {
  /** Start of the hour, ISO 8601. */
  readonly hour: string;
  readonly count: number;
  /** The sample does not reach back to this hour's start (more traffic than the sample holds): a lower bound. */
  readonly partial: boolean;
}

/** What `GET /admin/stats` reports from the analytics records (conversations per state come from the census). */
export interface InteractionStats {
  /** The records these figures come from: the newest `limit` within the retention. */
  readonly sample: { readonly records: number; readonly limit: number; readonly oldest: string | null; readonly newest: string | null };
  /** The last `hours` clock hours, oldest first, the current one last; the runtime's own turns are not interactions. */
  readonly interactionsPerHour: readonly HourCount[];
  /** `responseMs` of effect outcomes (see `isQuestionTurn`), nearest-rank percentiles; `null` without any. */
  readonly cssLatencyMs: { readonly turns: number; readonly p50: number | null; readonly p95: number | null };
  /** Turns by failing outcome. `ignored` (a reaction, a timer with nothing due) is not an error and is left out. */
  readonly errorsByKind: Readonly<Record<ErrorKind, number>>;
  /** The most asked questions, normalized (see `normalizeQuestion`), most asked first. */
  readonly topQuestions: ReadonlyArray<{ readonly question: string; readonly count: number }>;
  /** Users of the sample by the language their latest message was answered in (`fr`, `en`, `wo`). */
  readonly conversationsByLocale: Readonly<Record<string, number>>;
}

export type ErrorKind = 'failed' | 'timed_out' | 'restarted';

export interface StatsOptions {
  readonly now: number;
  /** How many records were asked for: a sample that size may have left older records out. */
  readonly limit: number;
  readonly hours?: number;
  readonly topQuestions?: number;
}

const HOUR_MS = 3600 * 1000;

/**
 * The turn that applied an effect's outcome (`effect.askQuestion`, …): its `responseMs` is how long the user waited
 * for the CSS API, from the turn that asked to the outcome, failures and timeouts included (leaving them out would
 * flatter p95).
 */
export function isQuestionTurn(i: Interaction): boolean {
  return i.event.startsWith('effect.');
}

/** What a user sent (`user.*`, or a reaction the machine ignored), as opposed to the runtime's own turns. */
export function isUserInteraction(i: Interaction): boolean {
  return i.event.startsWith('user.') || i.event.startsWith('ignored.');
}

/**
 * The form questions are counted in: Unicode NFC, spaces collapsed and trimmed, lower case; accents and
 * punctuation kept.
 *
 * @example
 * normalizeQuestion('  Comment  DÉCLARER un salarié ? ') // 'comment déclarer un salarié ?'
 */
export function normalizeQuestion(question: string): string {
  return question.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Nearest-rank percentile of ascending `sorted` values; `null` when there are none.
 *
 * @example
 * percentile([10, 20, 30, 40], 0.5) // 20
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1] ?? null;
}

/**
 * Statistics of a sample of interaction records (any order). Pure: the clock is `options.now`.
 *
 * @example
 * const stats = computeStats(await source.recent(10_000), { now: Date.now(), limit: 10_000 });
 */
export function computeStats(interactions: readonly Interaction[], options: StatsOptions): InteractionStats {
  let oldest: number | undefined;
  let newest: number | undefined;
  for (const { at } of interactions) {
    oldest = Math.min(oldest ?? at, at);
    newest = Math.max(newest ?? at, at);
  }
  const latencies = interactions.filter(isQuestionTurn).map((i) => i.responseMs).sort((a, b) => a - b);
  const errorsByKind: Record<ErrorKind, number> = { failed: 0, timed_out: 0, restarted: 0 };
  for (const i of interactions) if (i.outcome !== 'ok' && i.outcome !== 'ignored') errorsByKind[i.outcome] += 1;
  return {
    sample: {
      records: interactions.length,
      limit: options.limit,
      oldest: oldest === undefined ? null : new Date(oldest).toISOString(),
      newest: newest === undefined ? null : new Date(newest).toISOString(),
    },
    interactionsPerHour: perHour(interactions, options, interactions.length >= options.limit ? oldest : undefined),
    cssLatencyMs: { turns: latencies.length, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    errorsByKind,
    topQuestions: topQuestions(interactions, options.topQuestions ?? 10),
    conversationsByLocale: byLocale(interactions),
  };
}

/** Each user counted once, in the language of their latest record that names one. */
function byLocale(interactions: readonly Interaction[]): Record<string, number> {
  const latest = new Map<string, Interaction>();
  for (const i of interactions) {
    if (i.locale === undefined) continue;
    const seen = latest.get(i.user);
    if (seen === undefined || seen.at <= i.at) latest.set(i.user, i);
  }
  const counts: Record<string, number> = {};
  for (const { locale } of latest.values()) if (locale !== undefined) counts[locale] = (counts[locale] ?? 0) + 1;
  return counts;
}

/** `cutOffAt`: the oldest record of a full sample, before which hours are partial. */
function perHour(interactions: readonly Interaction[], options: StatsOptions, cutOffAt: number | undefined): HourCount[] {
  const hours = options.hours ?? 24;
  const first = (Math.floor(options.now / HOUR_MS) - hours + 1) * HOUR_MS;
  const counts = new Array<number>(hours).fill(0);
  for (const i of interactions) {
    if (!isUserInteraction(i) || i.at < first) continue;
    // A record stamped a little ahead of this clock (another process) belongs to the current hour.
    const slot = Math.min(hours - 1, Math.floor((i.at - first) / HOUR_MS));
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts.map((count, n) => {
    const start = first + n * HOUR_MS;
    return { hour: new Date(start).toISOString(), count, partial: cutOffAt !== undefined && cutOffAt > start };
  });
}

function topQuestions(interactions: readonly Interaction[], top: number): Array<{ question: string; count: number }> {
  const counts = new Map<string, number>();
  for (const i of interactions) {
    if (i.question === undefined) continue;
    const question = normalizeQuestion(i.question);
    if (question !== '') counts.set(question, (counts.get(question) ?? 0) + 1);
  }
  return [...counts]
    .map(([question, count]) => ({ question, count }))
    .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question, 'fr'))
    .slice(0, top);
}
