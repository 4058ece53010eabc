// The verdict types of spec section 5.

import type { NumericDate } from './numeric-date.ts';
import type { Category } from './trust-bundle.ts';

export type InvalidCode =
  | 'NOT_A_PASSPORT'
  | 'MALFORMED'
  | 'UNTRUSTED_ISSUER'
  | 'BAD_SIGNATURE'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUSPENDED';
export type WarningCode = 'STATUS_UNKNOWN' | 'STATUS_STALE' | 'TRUST_STALE';
export type VerdictCode = InvalidCode | WarningCode | 'VALID';

/** The passport as a verdict carries it: spec section 5, times as NumericDate. */
export type Passport = {
  iss: string;
  /** The issuer's display name from the trust bundle. */
  issuer: string;
  jti: string;
  name: string;
  cat: Category;
  nbf: NumericDate;
  exp: NumericDate;
};

export type Verdict =
  | { result: 'valid'; code: 'VALID'; passport: Passport }
  | { result: 'warning'; code: WarningCode; passport: Passport }
  | { result: 'invalid'; code: InvalidCode };

export const VERDICT_CODES: readonly VerdictCode[] = [
  'NOT_A_PASSPORT',
  'MALFORMED',
  'UNTRUSTED_ISSUER',
  'BAD_SIGNATURE',
  'NOT_YET_VALID',
  'EXPIRED',
  'REVOKED',
  'SUSPENDED',
  'STATUS_UNKNOWN',
  'STATUS_STALE',
  'TRUST_STALE',
  'VALID',
];

export function isVerdictCode(value: unknown): value is VerdictCode {
  return (VERDICT_CODES as readonly unknown[]).includes(value);
}
