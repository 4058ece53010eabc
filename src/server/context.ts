// What every part of the service is given: the database, the keys, the clock and the scheme's choices.

import type { NumericDate } from '../core/index.ts';
import type { Database } from './db/database.ts';
import type { KeyMaterial } from './keys/key-material.ts';

export type SchemeContext = {
  db: Database;
  keys: KeyMaterial;
  /** The service's own base URL (no trailing slash), e.g. https://passport.example.org: the `svc` of enrolment codes. */
  publicUrl: string;
  /** Seconds since the epoch. Tests pass a fixed clock. */
  now: () => NumericDate;
  /** Whether the register keeps carers' names (the scheme decides; without them renewal needs the name again). */
  keepNames: boolean;
  /** Entries per status list; spec section 4 asks for at least 131,072 (tests may use fewer to fill a list). */
  statusListSize: number;
};

export const DEFAULT_STATUS_LIST_SIZE = 131_072;

export function toDate(seconds: NumericDate): Date {
  return new Date(seconds * 1000);
}
