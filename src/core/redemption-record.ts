// The redemption record: what the device keeps and uploads. No name, ever; a staff reference stays on the device.

import { isVerdictCode, type VerdictCode } from './verdict.ts';

/** The uploaded record (POST /v1/redemptions). The record id is the key that makes re-sending harmless. */
export type RedemptionRecord = {
  /** Random UUID (v4), made on the device. */
  id: string;
  /** ISO 8601 UTC, e.g. 2026-11-24T10:15:00.000Z. */
  redeemedAt: string;
  offerId: string;
  partnerId: string;
  deviceId: string;
  /** Issuer id and passport number: distinct passports are counted by the pair. */
  iss: string;
  jti: string;
  /** The verdict code shown when staff redeemed: VALID, or a warning they confirmed. */
  verdict: Extract<VerdictCode, 'VALID' | 'STATUS_UNKNOWN' | 'STATUS_STALE' | 'TRUST_STALE'>;
  /** Staff ticked "photo ID seen" (an offer that requires it). Absent on older records and other offers. */
  photoIdSeen?: true;
};

export const REDEEMABLE_VERDICTS = ['VALID', 'STATUS_UNKNOWN', 'STATUS_STALE', 'TRUST_STALE'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const RECORD_FIELDS = ['id', 'redeemedAt', 'offerId', 'partnerId', 'deviceId', 'iss', 'jti', 'verdict', 'photoIdSeen'];

/** No record is older than the scheme; a device clock far in the past (or a typo) is refused, not stored. */
export const EARLIEST_REDEMPTION = Date.parse('2020-01-01T00:00:00Z');
/** A device clock may run ahead of the service's by up to a day. */
export const MAX_REDEMPTION_AHEAD_MS = 86_400_000;

/**
 * Validates an uploaded record; extra fields are refused so no personal data slips into the scheme's store.
 * `now` (ms since the epoch, the service's clock) bounds redeemedAt: at most a day ahead of it.
 */
export function readRedemptionRecord(value: unknown, now?: number): { ok: true; record: RedemptionRecord } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not an object' };
  const r = value as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => !RECORD_FIELDS.includes(k));
  if (extra.length > 0) return { ok: false, problem: `unexpected fields: ${extra.join(', ')}` };
  if (typeof r.id !== 'string' || !UUID.test(r.id)) return { ok: false, problem: 'id is not a UUID' };
  if (typeof r.redeemedAt !== 'string' || !ISO_UTC.test(r.redeemedAt)) return { ok: false, problem: 'redeemedAt is not an ISO 8601 UTC time' };
  const at = Date.parse(r.redeemedAt);
  if (!isRealTime(r.redeemedAt, at)) return { ok: false, problem: 'redeemedAt is not a real date and time' };
  if (at < EARLIEST_REDEMPTION) return { ok: false, problem: 'redeemedAt is before 2020' };
  if (now !== undefined && at > now + MAX_REDEMPTION_AHEAD_MS) return { ok: false, problem: 'redeemedAt is more than a day ahead of the service clock' };
  for (const field of ['offerId', 'partnerId', 'deviceId'] as const) {
    if (typeof r[field] !== 'string' || !ID.test(r[field])) return { ok: false, problem: `${field} is missing or not an id` };
  }
  if (typeof r.iss !== 'string' || r.iss.length === 0 || [...r.iss].length > 64) return { ok: false, problem: 'iss is missing or too long' };
  if (typeof r.jti !== 'string' || !PASSPORT_NUMBER.test(r.jti)) return { ok: false, problem: 'jti is not a passport number' };
  if (!isVerdictCode(r.verdict) || !(REDEEMABLE_VERDICTS as readonly string[]).includes(r.verdict)) {
    return { ok: false, problem: 'verdict is not one that allows a redemption' };
  }
  if (r.photoIdSeen !== undefined && r.photoIdSeen !== true) return { ok: false, problem: 'photoIdSeen is only ever true' };
  return { ok: true, record: r as RedemptionRecord };
}

/** The text names a time that exists: Date gives back the same text (2026-02-30 or 24:00:00 would not). */
function isRealTime(text: string, at: number): boolean {
  if (Number.isNaN(at)) return false;
  const [whole, fraction = ''] = text.slice(0, -1).split('.');
  return new Date(at).toISOString() === `${whole}.${fraction.padEnd(3, '0')}Z`;
}
