// Issue 8, points 4 and 5: each uploaded record is judged alone. An impossible date, or a record the database still
// refuses, is answered `rejected` and the others in the batch are stored; the same batch sent twice at once in
// different orders never deadlocks into a 5xx.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedemptionRecord } from '../../src/core/index.ts';
import { ingestRecords, retryTransient } from '../../src/server/redemptions/ingest.ts';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, record, upload, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('each record judged alone ($name)', (backend) => {
  let t: TestService;
  let till: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await createPartner(t.url, 'corner-shop');
    till = await enrol(t.url, 'corner-shop');
  });
  afterAll(() => t?.stop());

  const stored = async (ids: string[]) =>
    (await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM redemptions WHERE id = ANY($1::uuid[])', [ids]))[0]!.n;

  it('rejects impossible, too early and too late dates, and stores the good records beside them', async () => {
    const good = [record(till), record(till)];
    const bad = [
      record(till, { redeemedAt: '2026-02-30T10:00:00Z' }),
      record(till, { redeemedAt: '0000-01-01T00:00:00Z' }),
      record(till, { redeemedAt: '2019-12-31T23:59:59Z' }),
      record(till, { redeemedAt: '2027-01-16T08:00:01Z' }), // the service clock is 2027-01-15T08:00:00Z
    ];
    const answer = await upload(t.url, till.deviceToken, { records: [good[0], ...bad, good[1]] });
    expect(answer.status).toBe(200);
    expect(answer.data.results).toEqual([
      { id: good[0]!.id, status: 'stored' },
      { id: bad[0]!.id, status: 'rejected', reason: 'redeemedAt is not a real date and time' },
      { id: bad[1]!.id, status: 'rejected', reason: 'redeemedAt is before 2020' },
      { id: bad[2]!.id, status: 'rejected', reason: 'redeemedAt is before 2020' },
      { id: bad[3]!.id, status: 'rejected', reason: 'redeemedAt is more than a day ahead of the service clock' },
      { id: good[1]!.id, status: 'stored' },
    ]);
    expect(await stored(good.map((r) => r.id))).toBe(2);
    expect(await stored(bad.map((r) => r.id))).toBe(0);
  });

  it('answers a record the database refuses as rejected, stores the rest, and never fails the batch', async () => {
    // stands for whatever the core lets through and the database still refuses (a constraint, a value out of range)
    await t.database.db.exec(`ALTER TABLE redemptions ADD CONSTRAINT test_refuses_offer CHECK (offer_id <> 'refused-offer')`);
    try {
      const good = [record(till), record(till), record(till)];
      const refused = record(till, { offerId: 'refused-offer' });
      const answer = await upload(t.url, till.deviceToken, { records: [good[0], refused, good[1], good[2], good[0]] });
      expect(answer.status).toBe(200);
      expect(answer.data.results).toEqual([
        { id: good[0]!.id, status: 'stored' },
        { id: refused.id, status: 'rejected', reason: "the scheme's database refused it (23514)" },
        { id: good[1]!.id, status: 'stored' },
        { id: good[2]!.id, status: 'stored' },
        { id: good[0]!.id, status: 'duplicate' },
      ]);
      expect(await stored(good.map((r) => r.id))).toBe(3);
      expect(await stored([refused.id])).toBe(0);
      // sent again (the device's outbox retries what was not stored): the same answers, nothing doubled
      const again = await upload(t.url, till.deviceToken, { records: [good[0], refused] });
      expect(again.data.results).toEqual([
        { id: good[0]!.id, status: 'duplicate' },
        { id: refused.id, status: 'rejected', reason: "the scheme's database refused it (23514)" },
      ]);
    } finally {
      await t.database.db.exec('ALTER TABLE redemptions DROP CONSTRAINT test_refuses_offer');
    }
  });

  it('retries a deadlock or a serialization failure, and gives up on anything else at once', async () => {
    let calls = 0;
    const flaky = () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('deadlock detected'), { code: calls === 1 ? '40P01' : '40001' });
      return Promise.resolve('done');
    };
    expect(await retryTransient(flaky)).toBe('done');
    expect(calls).toBe(3);
    let other = 0;
    await expect(retryTransient(() => Promise.reject(Object.assign(new Error('x'), { code: '42P01', n: other++ })))).rejects.toThrow('x');
    expect(other).toBe(1);
  });
});

describe.each(BACKENDS.filter((b) => b.name === 'PostgreSQL'))('the same batch twice at once, in reversed orders ($name)', (backend) => {
  let t: TestService;
  let tills: EnrolledDevice[];
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await createPartner(t.url, 'corner-shop');
    tills = [await enrol(t.url, 'corner-shop'), await enrol(t.url, 'corner-shop')];
  });
  afterAll(() => t?.stop());

  it('answers 200 every time, 10 times, each record stored once', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 10; round++) {
      const batch: RedemptionRecord[] = Array.from({ length: 500 }, () => record(tills[0]!, { id: randomUUID() }));
      const reversed = [...batch].reverse();
      const [forward, backward, direct] = await Promise.all([
        upload(t.url, tills[0]!.deviceToken, { records: batch }),
        upload(t.url, tills[1]!.deviceToken, { records: reversed }),
        ingestRecords(t.service.ctx, { id: tills[0]!.deviceId, partnerId: 'corner-shop', name: 'Till 1' }, [...batch].sort(() => Math.random() - 0.5)),
      ]);
      expect([forward.status, backward.status], `round ${round}`).toEqual([200, 200]);
      const statuses = [...forward.data.results, ...backward.data.results, ...direct].map((r: { status: string }) => r.status);
      expect(statuses.filter((s) => s === 'stored')).toHaveLength(500);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(1000);
    }
  });
});
