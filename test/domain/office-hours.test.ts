import { describe, expect, it } from '@jest/globals';
import { isWithinOfficeHours } from '../../src/domain/office-hours.js';

const dakar = { fromDay: 1, toDay: 5, opensAt: 8 * 60, closesAt: 17 * 60, timeZone: 'Africa/Dakar' };
const paris = { ...dakar, timeZone: 'Europe/Paris' };

describe('isWithinOfficeHours', () => {
  it.each([
    ['Monday 08:00 in Dakar (UTC+0)', Date.UTC(2026, 5, 15, 8, 0), dakar, true],
    ['Monday 07:59', Date.UTC(2026, 5, 15, 7, 59), dakar, false],
    ['Friday 16:59', Date.UTC(2026, 5, 19, 16, 59), dakar, true],
    ['Friday 17:00 (closed)', Date.UTC(2026, 5, 19, 17, 0), dakar, false],
    ['Saturday noon', Date.UTC(2026, 5, 20, 12, 0), dakar, false],
    ['Monday 07:30 UTC is 09:30 in Paris (summer)', Date.UTC(2026, 5, 15, 7, 30), paris, true],
    ['Sunday 23:30 UTC is Monday 01:30 in Paris', Date.UTC(2026, 5, 14, 23, 30), paris, false],
  ])('%s → %s', (_case, at, hours, expected) => {
    expect(isWithinOfficeHours(at, hours)).toBe(expected);
  });
});
