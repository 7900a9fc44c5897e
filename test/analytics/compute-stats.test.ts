import { describe, expect, it } from '@jest/globals';
import { computeStats, isQuestionTurn, normalizeQuestion, percentile } from '../../src/analytics/compute-stats.js';
import { interaction } from './interactions.js';

const HOUR = 3600_000;
/** 2025-11-24 15:30 UTC: the current hour starts at 15:00. */
const NOW = Date.UTC(2025, 10, 24, 15, 30);

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.95, 7],
    [[10, 20, 30, 40], 0.5, 20],
    [[10, 20, 30, 40], 0.95, 40],
    [Array.from({ length: 100 }, (_, n) => n + 1), 0.95, 95],
  ])('%j at %d → %j', (values, p, expected) => expect(percentile(values, p)).toBe(expected));
});

describe('normalizeQuestion', () => {
  it('lower-cases, trims and collapses spaces, keeping accents and punctuation', () => {
    expect(normalizeQuestion('  Comment  DÉCLARER\tun salarié ? ')).toBe('comment déclarer un salarié ?');
    // A decomposed "é" (e + combining accent) counts as the composed one.
    expect(normalizeQuestion('Salarie\u0301')).toBe(normalizeQuestion('salarié'));
    expect(normalizeQuestion('salarie')).not.toBe(normalizeQuestion('salarié'));
  });
});

describe('isQuestionTurn', () => {
  it('is the turn that applied an effect outcome (the answer to a question), whatever the outcome', () => {
    expect(isQuestionTurn(interaction({ event: 'effect.askQuestion', question: undefined }))).toBe(true);
    expect(isQuestionTurn(interaction({ event: 'effect.lookupFileStatus', question: undefined }))).toBe(true);
    expect(isQuestionTurn(interaction())).toBe(false);
    expect(isQuestionTurn(interaction({ event: 'user.choice', question: undefined }))).toBe(false);
  });
});

describe('computeStats', () => {
  it('counts interactions per clock hour over the last 24 h, oldest first, the runtime’s own turns left out', () => {
    const stats = computeStats(
      [
        interaction({ at: NOW }),
        interaction({ at: NOW - 10 * 60_000 }),
        interaction({ at: NOW - 45 * 60_000 }), // 14:45: the previous hour
        interaction({ at: NOW - 23 * HOUR - 30 * 60_000 }), // 16:00 yesterday: the first hour
        interaction({ at: NOW - 24 * HOUR }), // 15:30 yesterday: out of the window
        interaction({ at: NOW + 5000 }), // another process's clock, a little ahead
        interaction({ at: NOW, event: 'timer', question: undefined }),
        interaction({ at: NOW, event: 'effect.askQuestion', question: undefined }),
        interaction({ at: NOW, event: 'whatsapp.delivery_failed', question: undefined }),
      ],
      { now: NOW, limit: 10_000 },
    );
    const hours = stats.interactionsPerHour;
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ hour: '2025-11-23T16:00:00.000Z', count: 1, partial: false });
    expect(hours[22]).toEqual({ hour: '2025-11-24T14:00:00.000Z', count: 1, partial: false });
    expect(hours[23]).toEqual({ hour: '2025-11-24T15:00:00.000Z', count: 3, partial: false });
    expect(hours.reduce((sum, h) => sum + h.count, 0)).toBe(5);
  });

  it('marks the hours a full sample does not reach back to as partial', () => {
    const records = [interaction({ at: NOW }), interaction({ at: NOW - 90 * 60_000 })]; // 14:00 hour starts after it
    const full = computeStats(records, { now: NOW, limit: 2 }).interactionsPerHour;
    expect(full.filter((h) => h.partial).map((h) => h.hour.slice(11, 16))).toContain('13:00');
    expect(full.at(-2)?.partial).toBe(false);
    expect(computeStats(records, { now: NOW, limit: 3 }).interactionsPerHour.some((h) => h.partial)).toBe(false);
  });

  it('takes CSS latency percentiles from effect outcomes only', () => {
    const answer = (responseMs: number) => interaction({ responseMs, event: 'effect.askQuestion', question: undefined });
    const stats = computeStats(
      [
        ...[100, 200, 300, 400, 500, 600, 700, 800, 900].map(answer),
        answer(30_000),
        interaction({ responseMs: 5, event: 'user.choice', question: undefined }),
        interaction({ responseMs: 3 }),
      ],
      { now: NOW, limit: 10_000 },
    );
    expect(stats.cssLatencyMs).toEqual({ turns: 10, p50: 500, p95: 30_000 });
    expect(computeStats([], { now: NOW, limit: 10 }).cssLatencyMs).toEqual({ turns: 0, p50: null, p95: null });
  });

  it('counts errors by kind; ignored turns are not errors', () => {
    const outcomes = ['ok', 'failed', 'failed', 'timed_out', 'restarted', 'ignored'] as const;
    const stats = computeStats(outcomes.map((outcome) => interaction({ outcome })), { now: NOW, limit: 10_000 });
    expect(stats.errorsByKind).toEqual({ failed: 2, timed_out: 1, restarted: 1 });
  });

  it('ranks the ten most asked questions, normalized, ties in alphabetical order', () => {
    const asked = [
      ...Array.from({ length: 5 }, (_, n) => (n % 2 ? 'Comment déclarer un salarié ?' : '  comment déclarer  un SALARIÉ ? ')),
      ...Array.from({ length: 3 }, () => 'Mes cotisations'),
      ...Array.from({ length: 12 }, (_, n) => `question ${String.fromCharCode(97 + n)}`),
      '   ',
    ];
    const stats = computeStats([...asked.map((question) => interaction({ question })), interaction({ question: undefined })], { now: NOW, limit: 10_000 });
    expect(stats.topQuestions).toHaveLength(10);
    expect(stats.topQuestions.slice(0, 3)).toEqual([
      { question: 'comment déclarer un salarié ?', count: 5 },
      { question: 'mes cotisations', count: 3 },
      { question: 'question a', count: 1 },
    ]);
    expect(stats.topQuestions.at(-1)).toEqual({ question: 'question h', count: 1 });
  });

  it('describes the sample it was computed from', () => {
    const stats = computeStats([interaction({ at: NOW - HOUR }), interaction({ at: NOW })], { now: NOW, limit: 10_000 });
    expect(stats.sample).toEqual({ records: 2, limit: 10_000, oldest: new Date(NOW - HOUR).toISOString(), newest: new Date(NOW).toISOString() });
    expect(computeStats([], { now: NOW, limit: 10 }).sample).toEqual({ records: 0, limit: 10, oldest: null, newest: null });
  });

  it('counts users by the language of their latest message, each once; records without a language are left out', () => {
    const stats = computeStats(
      [
        interaction({ user: 'awa', at: NOW - 3, locale: 'fr' }),
        interaction({ user: 'awa', at: NOW - 1, locale: 'wo' }), // switched to Wolof: counted there only
        interaction({ user: 'john', at: NOW - 2, locale: 'en' }),
        interaction({ user: 'moussa', at: NOW - 2, locale: 'fr' }),
        interaction({ user: 'old', at: NOW - 2 }),
      ],
      { now: NOW, limit: 10_000 },
    );
    expect(stats.conversationsByLocale).toEqual({ wo: 1, en: 1, fr: 1 });
  });
});
