// The claims of a passport (spec section 2), read from a verified payload.

import { isNumericDate, type NumericDate } from './numeric-date.ts';
import { CATEGORIES, type Category } from './trust-bundle.ts';

export const MAX_VALIDITY_SECONDS = 315_576_000; // 10 years: catches milliseconds written as seconds
const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export type PassportClaims = {
  iss: string;
  jti: string;
  name: string;
  cat: Category;
  nbf: NumericDate;
  exp: NumericDate;
  iat?: NumericDate;
  status: { idx: number; uri: string };
};

/** Row 5 of the verdict table: every claim present and well-formed, or undefined. Unknown claims are ignored. */
export function readPassportClaims(claims: Record<string, unknown>): PassportClaims | undefined {
  const { iss, jti, name, cat, nbf, exp, iat, status } = claims;
  if (!isText(iss, 64) || !isText(name, 64)) return undefined;
  if (typeof jti !== 'string' || !PASSPORT_NUMBER.test(jti)) return undefined;
  if (!(CATEGORIES as readonly unknown[]).includes(cat)) return undefined;
  if (!isNumericDate(nbf) || !isNumericDate(exp) || exp <= nbf || exp - nbf > MAX_VALIDITY_SECONDS) return undefined;
  if (iat !== undefined && !isNumericDate(iat)) return undefined;
  const pointer = readStatusPointer(status);
  if (!pointer) return undefined;
  // two literals rather than a spread of iat: one object built a scan, members in the same order either way
  return iat === undefined
    ? { iss, jti, name, cat: cat as Category, nbf, exp, status: pointer }
    : { iss, jti, name, cat: cat as Category, nbf, exp, iat, status: pointer };
}

function readStatusPointer(status: unknown): { idx: number; uri: string } | undefined {
  if (!isObject(status) || !isObject(status.status_list)) return undefined;
  const { idx, uri } = status.status_list;
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0 || typeof uri !== 'string') return undefined;
  return { idx, uri };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of 1 to max characters, counted as Unicode code points. */
function isText(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  return value.length <= max || [...value].length <= max;
}
