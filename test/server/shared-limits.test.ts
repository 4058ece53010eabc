// Issue 11 point 1 at the service: each enrolled device gets its partner's recent records of limited offers (no
// names) with its profile, cheaply refreshed (ETag, 304); two tills that both gave "once a day" offline are both
// stored, and the later record is flagged over limit in the report.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';
import { enrol, partnerProfile, record, upload, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('limits across a partner\'s devices ($name)', (backend) => {
  let t: TestService;
  let tillA: EnrolledDevice;
  let tillB: EnrolledDevice;
  let elsewhere: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend);
    const profile = partnerProfile('cafe', ['coffee', 'parking']);
    profile.offers[0] = { ...profile.offers[0]!, limit: { kind: 'per-period', count: 1, period: 'day' } };
    expect((await adminCall(t.url, 'PUT', '/admin/api/partners/cafe', profile)).status).toBe(200);
    expect((await adminCall(t.url, 'PUT', '/admin/api/partners/other', partnerProfile('other'))).status).toBe(200);
    tillA = await enrol(t.url, 'cafe');
    tillB = await enrol(t.url, 'cafe');
    elsewhere = await enrol(t.url, 'other');
  });
  afterAll(() => t?.stop());

  const profileOf = (device: EnrolledDevice, etag?: string) =>
    fetch(`${t.url}/v1/profile`, { headers: { authorization: `Bearer ${device.deviceToken}`, ...(etag ? { 'if-none-match': etag } : {}) } });

  it('a record uploaded by till A is in till B\'s profile answer: issuer, number, offer, time and id; no device, no verdict', async () => {
    const given = record(tillA, { jti: 'VASL-0100', redeemedAt: '2027-01-15T07:50:00.000Z' });
    await upload(t.url, tillA.deviceToken, { records: [given, record(tillA, { offerId: 'parking', jti: 'VASL-0100' })] });
    const res = await profileOf(tillB);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { recent: Record<string, unknown>[] };
    // parking is unlimited: nothing to count, so it is not sent
    expect(body.recent).toEqual([{ id: given.id, iss: 'uk.test.vasl', jti: 'VASL-0100', offerId: 'coffee', redeemedAt: '2027-01-15T07:50:00.000Z' }]);
    // another partner's devices never see it
    expect(((await (await profileOf(elsewhere)).json()) as { recent: unknown[] }).recent).toEqual([]);
  });

  it('answers 304 with no body while nothing changed, and 200 again once a record arrives', async () => {
    const first = await profileOf(tillB);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await profileOf(tillB, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await upload(t.url, tillA.deviceToken, { records: [record(tillA, { jti: 'VASL-0101', redeemedAt: '2027-01-15T07:55:00.000Z' })] });
    expect((await profileOf(tillB, etag)).status).toBe(200);
  });

  it('sends only the longest limit period plus a day: a record two days old is not sent', async () => {
    const old = record(tillA, { jti: 'VASL-0102', redeemedAt: '2027-01-13T07:00:00.000Z' });
    await upload(t.url, tillA.deviceToken, { records: [old] });
    const body = (await (await profileOf(tillB)).json()) as { recent: { id: string }[] };
    expect(body.recent.map((r) => r.id)).not.toContain(old.id);
  });

  it('both tills offline gave "once a day": both records are stored, the later one is flagged over limit in the report', async () => {
    const fromA = record(tillA, { jti: 'VASL-0200', redeemedAt: '2027-01-15T07:10:00.000Z' });
    const fromB = record(tillB, { jti: 'VASL-0200', redeemedAt: '2027-01-15T07:20:00.000Z' });
    // B comes online first: its record is alone and within the limit, until A's earlier one arrives
    expect((await upload(t.url, tillB.deviceToken, { records: [fromB] })).data.results[0].status).toBe('stored');
    expect((await upload(t.url, tillA.deviceToken, { records: [fromA] })).data.results[0].status).toBe('stored');
    const flagged = await t.database.db.query<{ id: string; over_limit: boolean }>('SELECT id, over_limit FROM redemptions WHERE jti = $1 ORDER BY redeemed_at', ['VASL-0200']);
    expect(flagged.map((r) => r.over_limit)).toEqual([false, true]);

    const res = await fetch(`${t.url}/v1/reports/over-limit`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { rows: Record<string, unknown>[] };
    expect(report.rows).toEqual([
      { partnerId: 'cafe', offerId: 'coffee', offerTitle: 'Offer coffee', iss: 'uk.test.vasl', jti: 'VASL-0200', redeemedAt: '2027-01-15T07:20:00Z', deviceId: tillB.deviceId },
    ]);
    // and the devices hear of it with the next refresh, so History can say so
    const body = (await (await profileOf(tillB)).json()) as { recent: { id: string; overLimit?: boolean }[] };
    expect(body.recent.find((r) => r.id === fromB.id)?.overLimit).toBe(true);
    expect(body.recent.find((r) => r.id === fromA.id)).not.toHaveProperty('overLimit');
  });
});
