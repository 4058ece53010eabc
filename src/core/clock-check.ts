// Is this device's clock plausible? Two witnesses it cannot argue with: the newest signed time it holds (a bundle or
// list `iat`: that moment has passed) and, online, the scheme service's `Date`. Pure: every time comes in.

import type { NumericDate } from './numeric-date.ts';
import type { TrustState } from './trust-state.ts';
import type { VerdictCode } from './verdict.ts';

/** Five minutes either way is a clock that is right enough (spec section 1's skew for a passport). */
export const CLOCK_TOLERANCE_SECONDS = 300;

export type ClockEvidence = {
  /** The device's clock, milliseconds since the epoch. */
  deviceNowMs: number;
  /** The newest `iat` of the signed documents held (bundle or status list). */
  newestSignedAt?: NumericDate | undefined;
  /** Service time minus device time, in ms, from the last answer of the scheme service (online only). */
  serviceOffsetMs?: number | undefined;
};

export type ClockCheck =
  | { ok: true }
  /** behind-signed-data: earlier than a time the scheme has already signed; service-disagrees: far from its Date. */
  | { ok: false; code: 'BEHIND_SIGNED_DATA' | 'SERVICE_DISAGREES'; offBySeconds: number };

export function checkDeviceClock(evidence: ClockEvidence): ClockCheck {
  const device = evidence.deviceNowMs / 1000;
  const { newestSignedAt, serviceOffsetMs } = evidence;
  if (newestSignedAt !== undefined && device < newestSignedAt - CLOCK_TOLERANCE_SECONDS) {
    return { ok: false, code: 'BEHIND_SIGNED_DATA', offBySeconds: Math.round(newestSignedAt - device) };
  }
  if (serviceOffsetMs !== undefined && Math.abs(serviceOffsetMs) / 1000 > CLOCK_TOLERANCE_SECONDS) {
    return { ok: false, code: 'SERVICE_DISAGREES', offBySeconds: Math.round(Math.abs(serviceOffsetMs) / 1000) };
  }
  return { ok: true };
}

/**
 * The time a passport is judged at: never earlier than the device's clock, the newest signed time held, or the
 * service's clock. A slow device clock then cannot bring an expired passport back (spec section 5, rows 8, 12, 13
 * only get stricter), and a fast one errs towards "expired", never towards "valid".
 */
export function verificationTime(evidence: ClockEvidence): NumericDate {
  const device = Math.floor(evidence.deviceNowMs / 1000);
  const service = evidence.serviceOffsetMs === undefined ? device : Math.floor((evidence.deviceNowMs + evidence.serviceOffsetMs) / 1000);
  return Math.max(device, service, evidence.newestSignedAt ?? device);
}

/** The newest `iat` among the bundle and the usable status lists held. */
export function newestSignedTime(state: Pick<TrustState, 'bundle' | 'statusLists'>): NumericDate {
  return Math.max(state.bundle.iat, ...state.statusLists.all().map((l) => l.iat));
}

/** Verdict codes that a wrong clock could have decided (spec section 5, rows 7, 8, 12, 13 and everything after 8). */
const CLOCK_INDEPENDENT: readonly VerdictCode[] = ['NOT_A_PASSPORT', 'MALFORMED', 'UNTRUSTED_ISSUER', 'BAD_SIGNATURE', 'REVOKED', 'SUSPENDED'];

export function verdictDependsOnTime(code: VerdictCode): boolean {
  return !CLOCK_INDEPENDENT.includes(code);
}
