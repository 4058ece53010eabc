// Redemption records: no name, CSV safe to open in a spreadsheet, purge only what has been uploaded.

import { describe, expect, it } from 'vitest';
import { buildRedemptionRecord, csvCell, readRedemptionRecord, redemptionsToCsv, selectPurgeable, toUploadRecord, type StoredRedemption, type Verdict } from '../../src/core/index.ts';

const passport = { iss: 'uk.test.carers', issuer: 'Test Carers', jti: 'TST-1001', name: 'Amara Patel', cat: 'adult' as const, nbf: 0, exp: 2_000_000_000 };
const valid: Verdict = { result: 'valid', code: 'VALID', passport };
const base = { offerId: 'meal', partnerId: 'demo-ward', deviceId: 'device-1', now: Date.parse('2026-06-10T12:00:00Z') };

describe('building a record', () => {
  it('holds a random UUID, the time, ids, issuer, passport number and verdict, and no name', () => {
    const record = buildRedemptionRecord({ ...base, verdict: valid })!;
    expect(readRedemptionRecord(record)).toEqual({ ok: true, record });
    expect(record.redeemedAt).toBe('2026-06-10T12:00:00.000Z');
    expect(JSON.stringify(record)).not.toContain('Amara');
    expect(buildRedemptionRecord({ ...base, verdict: valid })!.id).not.toBe(record.id);
  });
  it('keeps a confirmed warning code and refuses an invalid verdict', () => {
    expect(buildRedemptionRecord({ ...base, verdict: { result: 'warning', code: 'STATUS_STALE', passport } })?.verdict).toBe('STATUS_STALE');
    expect(buildRedemptionRecord({ ...base, verdict: { result: 'invalid', code: 'EXPIRED' } })).toBeUndefined();
  });
  it('drops local-only fields before upload', () => {
    const stored: StoredRedemption = { ...buildRedemptionRecord({ ...base, verdict: valid })!, reference: 'RX-1', uploaded: 0 };
    const upload = toUploadRecord(stored);
    expect(Object.keys(upload)).not.toContain('reference');
    expect(readRedemptionRecord(upload).ok).toBe(true);
  });
});

describe('the date of a record', () => {
  const now = Date.parse('2026-06-10T12:00:00Z');
  const withDate = (redeemedAt: string) => ({ ...buildRedemptionRecord({ ...base, verdict: valid })!, redeemedAt });
  const problem = (redeemedAt: string) => {
    const read = readRedemptionRecord(withDate(redeemedAt), now);
    return read.ok ? 'ok' : read.problem;
  };
  it('must be a time that exists: the text survives a round trip through Date', () => {
    expect(problem('2026-02-30T10:00:00Z')).toBe('redeemedAt is not a real date and time');
    expect(problem('2026-06-01T24:00:00Z')).toBe('redeemedAt is not a real date and time');
    expect(problem('2026-06-01T10:60:00Z')).toBe('redeemedAt is not a real date and time');
    expect(problem('2026-06-01 10:00:00Z')).toBe('redeemedAt is not an ISO 8601 UTC time');
    expect(problem('2024-02-29T10:00:00Z')).toBe('ok');
    expect(problem('2026-06-01T10:00:00.5Z')).toBe('ok');
    expect(problem('2026-06-01T10:00:00.000Z')).toBe('ok');
  });
  it('is not before 2020 (year 0 included)', () => {
    expect(problem('0000-01-01T00:00:00Z')).toBe('redeemedAt is before 2020');
    expect(problem('2019-12-31T23:59:59.999Z')).toBe('redeemedAt is before 2020');
    expect(problem('2020-01-01T00:00:00Z')).toBe('ok');
  });
  it("is at most a day ahead of the clock it is given (the service's)", () => {
    expect(problem('2026-06-11T12:00:00Z')).toBe('ok');
    expect(problem('2026-06-11T12:00:00.001Z')).toBe('redeemedAt is more than a day ahead of the service clock');
    expect(readRedemptionRecord(withDate('2030-01-01T00:00:00Z')).ok).toBe(true); // no clock given: no upper bound
  });
});

describe('CSV export', () => {
  const record = (id: string, extra: Partial<StoredRedemption> = {}): StoredRedemption => ({
    id, redeemedAt: '2026-06-10T12:00:00.000Z', offerId: 'meal', partnerId: 'demo-ward', deviceId: 'device-1', iss: 'uk.test.carers', jti: 'TST-1001', verdict: 'VALID', uploaded: 0, ...extra,
  });
  it('has a header, CRLF line ends and no name column', () => {
    const csv = redemptionsToCsv([record('a')], { includeReference: false });
    expect(csv).toBe('id,redeemedAt,offerId,partnerId,deviceId,iss,jti,verdict,uploaded\r\na,2026-06-10T12:00:00.000Z,meal,demo-ward,device-1,uk.test.carers,TST-1001,VALID,no\r\n');
    expect(csv.toLowerCase()).not.toContain('name');
  });
  it('carries the reference only when asked (the local export)', () => {
    const rows = [record('a', { reference: 'RX-77' })];
    expect(redemptionsToCsv(rows, { includeReference: false })).not.toContain('RX-77');
    expect(redemptionsToCsv(rows, { includeReference: true })).toContain(',RX-77\r\n');
  });
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    // where Excel splits on semicolons, an unquoted 'Ann;=1+2' would run =1+2 as a formula in a cell of its own
    expect(csvCell('Ann;=1+2')).toBe('"Ann;=1+2"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    const csv = redemptionsToCsv([record('a', { reference: '=1+1' })], { includeReference: true, offerTitles: new Map([['meal', 'Meal, hot']]) });
    expect(csv).toContain(",\"Meal, hot\",no,'=1+1\r\n");
  });
});

describe('retention purge', () => {
  const now = Date.parse('2026-06-10T12:00:00Z');
  const day = 86_400_000;
  const r = (id: string, daysAgo: number, uploaded: 0 | 1) => ({ id, redeemedAt: new Date(now - daysAgo * day).toISOString(), uploaded });
  it('selects uploaded records older than the retention period and keeps everything waiting for upload', () => {
    const records = [r('old-up', 91, 1), r('old-waiting', 200, 0), r('new-up', 89, 1), r('new-waiting', 1, 0)];
    expect(selectPurgeable(records, now, 90, new Set())).toEqual(['old-up']);
  });

  it('purges records the scheme refused once past the retention period too, so a local reference does not stay for ever', () => {
    const records = [r('old-refused', 91, 0), r('new-refused', 89, 0), r('old-waiting', 200, 0), r('old-up', 91, 1)];
    const refused = new Set(['old-refused', 'new-refused']);
    expect(selectPurgeable(records, now, 90, refused).sort()).toEqual(['old-refused', 'old-up']);
    // waiting for upload is never purged, however old; being refused is what makes an un-uploaded record purgeable
    expect(selectPurgeable(records, now, 90, new Set())).toEqual(['old-up']);
  });
});
