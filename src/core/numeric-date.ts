// NumericDate helpers (spec section 1: integers, seconds).

export type NumericDate = number;

export function isNumericDate(value: unknown): value is NumericDate {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads a time given as a NumericDate (digits) or ISO 8601; ISO 8601 without an offset is UTC.
 * Returns undefined for anything else, including impossible dates such as 2026-02-30.
 */
export function parseTime(text: string): NumericDate | undefined {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) {
    const value = Number(trimmed);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const match = ISO_8601.exec(toExtendedFormat(trimmed));
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = match;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const utc = Date.UTC(...fields);
  const check = new Date(utc);
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) {
    return undefined;
  }
  let offsetSeconds = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetSeconds = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return Math.floor(utc / 1000) - offsetSeconds;
}

const ISO_8601_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?:\d{2})?)?)?$/i;

/** ISO 8601 basic format (20261124T103000Z) and a comma before fractions, as the extended format. */
function toExtendedFormat(text: string): string {
  const basic = ISO_8601_BASIC.exec(text);
  if (!basic) return text.replace(/^(.*T\d{2}:\d{2}:\d{2}),(\d)/i, '$1.$2');
  const [, y, mo, d, h, mi, s, fraction, zone = ''] = basic;
  if (h === undefined) return `${y}-${mo}-${d}`;
  return `${y}-${mo}-${d}T${h}:${mi}${s === undefined ? '' : `:${s}${fraction === undefined ? '' : `.${fraction}`}`}${zone}`;
}
