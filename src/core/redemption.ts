// Making a redemption record, exporting records as CSV, and choosing which to purge. Never a name: the record
// carries issuer and passport number only; a staff reference stays on the device and only in the local export.

import { REDEEMABLE_VERDICTS, type RedemptionRecord } from './redemption-record.ts';
import type { Verdict } from './verdict.ts';

/** A record as the device keeps it: the uploadable record plus local-only fields. */
export type StoredRedemption = RedemptionRecord & {
  /** A short staff reference (a prescription number): local only, never uploaded. */
  reference?: string;
  /** 0 waiting for upload, 1 uploaded (a number, so IndexedDB can index it). */
  uploaded: 0 | 1;
};

export type NewRedemption = {
  verdict: Verdict;
  offerId: string;
  partnerId: string;
  deviceId: string;
  /** Milliseconds since the epoch. */
  now: number;
  randomUUID?: () => string;
  /** Staff ticked "photo ID seen". */
  photoIdSeen?: boolean;
};

/** Builds the record for a redeemable verdict, or undefined for one that cannot redeem (spec section 5 invalid). */
export function buildRedemptionRecord(input: NewRedemption): RedemptionRecord | undefined {
  const { verdict } = input;
  if (verdict.result === 'invalid') return undefined;
  if (!(REDEEMABLE_VERDICTS as readonly string[]).includes(verdict.code)) return undefined;
  const uuid = input.randomUUID ?? (() => crypto.randomUUID());
  return {
    id: uuid(),
    redeemedAt: new Date(input.now).toISOString(),
    offerId: input.offerId,
    partnerId: input.partnerId,
    deviceId: input.deviceId,
    iss: verdict.passport.iss,
    jti: verdict.passport.jti,
    verdict: verdict.code,
    ...(input.photoIdSeen ? { photoIdSeen: true as const } : {}),
  };
}

/** Only the fields the scheme accepts: local-only fields never leave the device. */
export function toUploadRecord(stored: RedemptionRecord): RedemptionRecord {
  const { id, redeemedAt, offerId, partnerId, deviceId, iss, jti, verdict, photoIdSeen } = stored;
  return { id, redeemedAt, offerId, partnerId, deviceId, iss, jti, verdict, ...(photoIdSeen ? { photoIdSeen } : {}) };
}

const CSV_COLUMNS = ['id', 'redeemedAt', 'offerId', 'partnerId', 'deviceId', 'iss', 'jti', 'verdict'] as const;

export type CsvOptions = {
  /** The local export may carry staff references; anything meant to leave the device must not. */
  includeReference: boolean;
  /** Optional offer titles by id, for a readable column. */
  offerTitles?: ReadonlyMap<string, string>;
};

/** RFC 4180 CSV (CRLF line ends, quoted fields), with cells that a spreadsheet would run as formulas defused. */
export function redemptionsToCsv(records: readonly (RedemptionRecord & { reference?: string; uploaded?: 0 | 1 })[], options: CsvOptions): string {
  const header: string[] = [...CSV_COLUMNS];
  if (options.offerTitles) header.push('offerTitle');
  header.push('uploaded');
  if (options.includeReference) header.push('reference');
  const rows = records.map((r) => {
    const cells: string[] = CSV_COLUMNS.map((column) => r[column]);
    if (options.offerTitles) cells.push(options.offerTitles.get(r.offerId) ?? '');
    cells.push(r.uploaded === 1 ? 'yes' : 'no');
    if (options.includeReference) cells.push(r.reference ?? '');
    return cells;
  });
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: formula-looking text gets a leading apostrophe (OWASP CSV injection), then RFC 4180 quoting. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // a semicolon is a cell separator where Excel's list separator is ';': quoted, `Ann;=1+2` stays one cell of text
  return /[",;\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Ids of records to purge: finished with (uploaded, or refused by the scheme: `refused` holds their ids) AND older
 * than the retention period. A refused record is never sent again, so keeping it would keep its local reference
 * for ever. Records waiting for upload are always kept.
 */
export function selectPurgeable(
  records: readonly Pick<StoredRedemption, 'id' | 'redeemedAt' | 'uploaded'>[],
  now: number,
  retentionDays: number,
  refused: ReadonlySet<string>,
): string[] {
  const cutoff = now - retentionDays * 86_400_000;
  const finished = (r: Pick<StoredRedemption, 'id' | 'uploaded'>) => r.uploaded === 1 || refused.has(r.id);
  return records.filter((r) => finished(r) && Date.parse(r.redeemedAt) < cutoff).map((r) => r.id);
}
