import type { OfficeHours } from '../config/agent-env.js';

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building them is the slow part. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  const known = formats.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  formats.set(timeZone, format);
  return format;
}

/**
 * Whether agents are at work at `at` (ms), in their own time zone.
 *
 * @example
 * isWithinOfficeHours(Date.UTC(2026, 5, 15, 9), { fromDay: 1, toDay: 5, opensAt: 480, closesAt: 1020, timeZone: 'Africa/Dakar' }) // true: a Monday, 09:00 in Dakar
 */
export function isWithinOfficeHours(at: number, hours: OfficeHours): boolean {
  const parts = Object.fromEntries(formatIn(hours.timeZone).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const day = WEEKDAYS[parts['weekday'] ?? ''] ?? 0;
  const minutes = Number(parts['hour']) * 60 + Number(parts['minute']);
  return day >= hours.fromDay && day <= hours.toDay && minutes >= hours.opensAt && minutes < hours.closesAt;
}
