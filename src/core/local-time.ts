// Wall-clock time in a partner's IANA time zone, through Intl alone (no date library): offer hours, days and
// limits are the partner's local time, whatever zone the device or the test machine is set to.

import type { Weekday } from './partner-profile.ts';

export type LocalTime = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
  weekday: Weekday;
  year: number;
  month: number;
  day: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date, time and ISO weekday of an instant (milliseconds since the epoch) in `timeZone`. */
export function localTime(instantMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return { date, time: `${parts.hour}:${parts.minute}`, weekday: isoWeekday(year, month, day), year, month, day };
}

/** ISO weekday (1 Monday ... 7 Sunday) of a calendar date, independent of any zone. */
export function isoWeekday(year: number, month: number, day: number): Weekday {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as Weekday;
}

/** The local date of the Monday that starts the week holding `local` (weeks start on Monday). */
export function weekStart(local: LocalTime): string {
  const monday = new Date(Date.UTC(local.year, local.month - 1, local.day - (local.weekday - 1)));
  return monday.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
