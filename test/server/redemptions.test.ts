// POST /v1/redemptions: each record stored once, answered one by one, for the device's own partner only.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, record, upload, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('redemption upload ($name)', (backend) => {
  let t: TestService;
  let till: EnrolledDevice;
  let otherTill: EnrolledDevice;
  let pharmacy: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await createPartner(t.url, 'corner-shop');
    await createPartner(t.url, 'pharmacy');
    till = await enrol(t.url, 'corner-shop');
    otherTill = await enrol(t.url, 'corner-shop');
    pharmacy = await enrol(t.url, 'pharmacy');
  });
  afterAll(() => t?.stop());

  const count = async (where = 'true', params: unknown[] = []) =>
    (await t.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM redemptions WHERE ${where}`, params))[0]!.n;

  it('answers stored, duplicate and rejected per record, in request order', async () => {
    const first = record(till);
    const stored = await upload(t.url, till.deviceToken, { records: [first] });
    expect(stored.status).toBe(200);
    expect(stored.data.results).toEqual([{ id: first.id, status: 'stored' }]);

    const fresh = record(till, { offerId: 'parking' });
    const changed = { ...first, verdict: 'STATUS_STALE' as const };
    const named = { ...record(till), name: 'Ann Example' };
    const answer = await upload(t.url, till.deviceToken, { records: [first, fresh, changed, named, { id: 'nope' }, fresh] });
    expect(answer.data.results).toEqual([
      { id: first.id, status: 'duplicate' },
      { id: fresh.id, status: 'stored' },
      { id: first.id, status: 'rejected', reason: 'id already used' },
      { id: named.id, status: 'rejected', reason: 'unexpected fields: name' },
      { id: 'nope', status: 'rejected', reason: 'id is not a UUID' },
      { id: fresh.id, status: 'duplicate' },
    ]);
    expect(await count('id = ANY($1::uuid[])', [[first.id, fresh.id, named.id]])).toBe(2);
  });

  it('treats the same instant written two ways as the same record', async () => {
    const a = record(till, { redeemedAt: '2027-01-15T10:00:00Z' });
    await upload(t.url, till.deviceToken, { records: [a] });
    const again = await upload(t.url, till.deviceToken, { records: [{ ...a, redeemedAt: '2027-01-15T10:00:00.000Z' }] });
    expect(again.data.results[0].status).toBe('duplicate');
  });

  it("rejects another partner's records, its devices and unknown issuers, and stores none of them", async () => {
    const theirs = record(pharmacy);
    const posingAsPharmacyTill = { ...record(till), deviceId: pharmacy.deviceId };
    const unknownIssuer = record(till, { iss: 'uk.nobody' });
    const answer = await upload(t.url, till.deviceToken, { records: [theirs, posingAsPharmacyTill, { ...record(till), partnerId: 'pharmacy' }, unknownIssuer] });
    expect(answer.data.results.map((r: any) => r.reason)).toEqual(['not your partner', 'not a device of your partner', 'not your partner', 'unknown issuer']);
    expect(await count('id = ANY($1::uuid[])', [[theirs.id, posingAsPharmacyTill.id, unknownIssuer.id]])).toBe(0);
  });

  it('stores what a device recorded under its earlier id after it was enrolled again for the same partner', async () => {
    const before = record(otherTill);
    const again = await enrol(t.url, 'corner-shop'); // the same till, enrolled again: a new device id and token
    const answer = await upload(t.url, again.deviceToken, { records: [before, record(again)] });
    expect(answer.data.results.map((r: any) => r.status)).toEqual(['stored', 'stored']);
    expect(await count('id = $1', [before.id])).toBe(1);
  });

  it('stores a batch sent twice once', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => record(till, { jti: `VASL-${1000 + i}` }));
    const first = await upload(t.url, till.deviceToken, { records: batch });
    const second = await upload(t.url, till.deviceToken, { records: batch });
    expect(first.data.results.every((r: any) => r.status === 'stored')).toBe(true);
    expect(second.data.results.every((r: any) => r.status === 'duplicate')).toBe(true);
    expect(await count('id = ANY($1::uuid[])', [batch.map((r) => r.id)])).toBe(50);
  });

  it('accepts 500 records and refuses 501 with 400', async () => {
    const full = Array.from({ length: 500 }, () => record(till));
    const ok = await upload(t.url, till.deviceToken, { records: full });
    expect(ok.status).toBe(200);
    expect(ok.data.results).toHaveLength(500);
    const tooMany = await upload(t.url, till.deviceToken, { records: [...full, record(till)] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.error).toBe('batch-too-large');
  });

  it('refuses a body over 256 KiB with 413, without storing anything from it', async () => {
    const big = record(till);
    const body = JSON.stringify({ records: [big], padding: 'x'.repeat(300 * 1024) });
    const answer = await upload(t.url, till.deviceToken, body);
    expect(answer.status).toBe(413);
    expect(await count('id = $1', [big.id])).toBe(0);
  });

  it('refuses a body that is not JSON, or not {records: [...]}, with 400', async () => {
    expect((await upload(t.url, till.deviceToken, '{"records": [')).status).toBe(400);
    expect((await upload(t.url, till.deviceToken, { records: 'all of them' })).status).toBe(400);
    expect((await upload(t.url, till.deviceToken, 'null')).status).toBe(400);
  });

  it('refuses an upload without a token, or with an unknown one, with 401', async () => {
    expect((await upload(t.url, undefined, { records: [] })).status).toBe(401);
    expect((await upload(t.url, 'A'.repeat(43), { records: [] })).status).toBe(401);
  });

  it('logs method, path, status, time and device id, never a token, a passport number or a record', async () => {
    const marked = record(till, { jti: 'SECRET-JTI-42' });
    await upload(t.url, till.deviceToken, { records: [marked] });
    const logs = t.logs.join('\n');
    expect(logs).toMatch(new RegExp(`POST /v1/redemptions 200 [\\d.]+ms device=${till.deviceId}`));
    expect(logs).not.toContain(till.deviceToken);
    expect(logs).not.toContain('SECRET-JTI-42');
    expect(logs).not.toContain(marked.id);
  });

  it('answers CORS preflights, so the app may be served from elsewhere', async () => {
    const res = await fetch(`${t.url}/v1/redemptions`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});

describe.each(BACKENDS)('redemption rate limit ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 3, timeWindowMs: 10_000 } });
    await createPartner(t.url, 'corner-shop');
  });
  afterAll(() => t?.stop());

  it('answers 429 with Retry-After once a device has used its burst, and other devices are not affected', async () => {
    const busy = await enrol(t.url, 'corner-shop');
    const calm = await enrol(t.url, 'corner-shop');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const answer = await upload(t.url, busy.deviceToken, { records: [record(busy, { id: randomUUID() })] });
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(10);
    expect((await upload(t.url, calm.deviceToken, { records: [record(calm)] })).status).toBe(200);
  });
});
