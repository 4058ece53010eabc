// Issue 10: the redemption reports read running totals that ingest keeps (migration 010). Whatever devices send
// (duplicates in a batch, refused records, batches sent again, two tills at once), the totals equal a count made
// directly from the stored records, and a carer is never counted twice.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReportSummaries } from '../../src/server/reports/report-summaries.ts';
import { REPORTS } from '../../src/server/reports/reports.ts';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, record, upload, type EnrolledDevice } from './support/scheme-fixtures.ts';
import { startTestService, type TestService } from './support/test-service.ts';

const WEEK = `date_trunc('week', redeemed_at AT TIME ZONE 'Europe/London')::date`;

/** The totals counted straight from the redemptions, the way the reports counted before migration 010. */
const DIRECT = {
  offers: `SELECT partner_id, offer_id, count(*)::int AS redemptions, count(DISTINCT (iss, jti))::int AS carers FROM redemptions GROUP BY 1, 2 ORDER BY 1, 2`,
  partners: `SELECT partner_id, count(*)::int AS redemptions, count(DISTINCT (iss, jti))::int AS carers FROM redemptions GROUP BY 1 ORDER BY 1`,
  weeks: `SELECT to_char(${WEEK}, 'YYYY-MM-DD') AS week, count(*)::int AS redemptions, count(DISTINCT (iss, jti))::int AS carers FROM redemptions GROUP BY 1 ORDER BY 1`,
  carers: `SELECT count(DISTINCT (iss, jti))::int AS carers FROM redemptions`,
};
const SUMMARY = {
  offers: `SELECT partner_id, offer_id, redemptions::int, carers::int FROM report_offer_totals ORDER BY 1, 2`,
  partners: `SELECT partner_id, redemptions::int, carers::int FROM report_partner_totals ORDER BY 1`,
  weeks: `SELECT to_char(week, 'YYYY-MM-DD') AS week, redemptions::int, carers::int FROM report_week_totals ORDER BY 1`,
  carers: `SELECT count(*)::int AS carers FROM (SELECT DISTINCT iss, jti FROM report_partner_carers) c`,
};

describe.each(BACKENDS)('report summaries ($name)', (backend) => {
  let t: TestService;
  let shop: EnrolledDevice;
  let shopTill2: EnrolledDevice;
  let ward: EnrolledDevice;
  beforeAll(async () => {
    t = await startTestService(backend, { uploadLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await createPartner(t.url, 'corner-shop');
    await createPartner(t.url, 'ward-7');
    shop = await enrol(t.url, 'corner-shop');
    shopTill2 = await enrol(t.url, 'corner-shop');
    ward = await enrol(t.url, 'ward-7');
  });
  afterAll(() => t?.stop());

  const query = (sql: string) => t.database.db.query(sql);
  const expectSummariesMatchTheRecords = async () => {
    for (const key of Object.keys(DIRECT) as (keyof typeof DIRECT)[]) {
      expect(await query(SUMMARY[key]), key).toEqual(await query(DIRECT[key]));
    }
  };
  const send = async (device: EnrolledDevice, records: unknown[]) => {
    const answer = await upload(t.url, device.deviceToken, { records });
    expect(answer.status).toBe(200);
    return (answer.data.results as { status: string }[]).map((r) => r.status);
  };
  /** A carer (by passport number), at a day of January 2027 and an hour of it. */
  const at = (day: number, hour = 10) => `2027-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  it('counts each stored record once and each carer once, whatever is sent again, twice or refused', async () => {
    const first = [
      record(shop, { jti: 'C-1', redeemedAt: at(4) }),
      record(shop, { jti: 'C-1', redeemedAt: at(5), offerId: 'parking' }),
      record(shop, { jti: 'C-2', redeemedAt: at(11) }), // the next week (weeks start on Monday 2027-01-11)
      record(shop, { jti: 'C-1', redeemedAt: at(12) }),
    ];
    expect(await send(shop, [...first, first[0]])).toEqual(['stored', 'stored', 'stored', 'stored', 'duplicate']);
    await expectSummariesMatchTheRecords();

    // the same batch again (an upload whose answer was lost), with new records, refused ones and a reused id
    const again = [
      ...first,
      record(shop, { jti: 'C-3', redeemedAt: at(12) }),
      record(shop, { jti: 'C-1', redeemedAt: at(13), iss: 'uk.nowhere' }), // unknown issuer
      record(shop, { jti: 'C-4', partnerId: 'ward-7' }), // not this device's partner
      { ...first[1]!, jti: 'C-9' }, // an id already used for another record
      { id: randomUUID(), nonsense: true },
    ];
    expect(await send(shop, again)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored', 'rejected', 'rejected', 'rejected', 'rejected']);
    await expectSummariesMatchTheRecords();
    const reached = await REPORTS['carers-reached']!(t.database.db);
    expect(reached.rows).toEqual([{ carers: 3, redemptions: 5, partners: 1 }]);
  });

  it('two tills sending overlapping batches at once count every record and carer once', async () => {
    const shared = Array.from({ length: 40 }, (_, i) => record(shop, { jti: `S-${i % 15}`, redeemedAt: at(6 + (i % 10), 8 + (i % 9)), offerId: i % 3 ? 'coffee' : 'parking' }));
    const own = Array.from({ length: 20 }, (_, i) => record(shopTill2, { jti: `S-${i % 25}`, redeemedAt: at(7 + (i % 8)) }));
    const wardRecords = Array.from({ length: 20 }, (_, i) => record(ward, { jti: `S-${i % 7}`, redeemedAt: at(3 + (i % 12)) }));
    const answers = await Promise.all([
      send(shop, shared),
      send(shopTill2, [...[...shared].reverse(), ...own]),
      send(ward, wardRecords),
      send(shop, shared.slice(10, 30)),
    ]);
    expect(answers.flat().filter((s) => s === 'rejected')).toEqual([]);
    expect(answers.flat().filter((s) => s === 'stored').length).toBe(shared.length + own.length + wardRecords.length);
    await expectSummariesMatchTheRecords();
  });

  it('a record the database refuses changes no total; the others in its batch do', async () => {
    await t.database.db.exec(`ALTER TABLE redemptions ADD CONSTRAINT test_refuses_offer CHECK (offer_id <> 'refused-offer')`);
    try {
      const batch = [record(ward, { jti: 'R-1' }), record(ward, { jti: 'R-2', offerId: 'refused-offer' }), record(ward, { jti: 'R-3' })];
      expect(await send(ward, batch)).toEqual(['stored', 'rejected', 'stored']);
    } finally {
      await t.database.db.exec('ALTER TABLE redemptions DROP CONSTRAINT test_refuses_offer');
    }
    await expectSummariesMatchTheRecords();
    const [refused] = await query(`SELECT count(*)::int AS n FROM report_offer_totals WHERE offer_id = 'refused-offer'`);
    expect(refused).toEqual({ n: 0 });
  });

  it('the reports read the totals and give what a direct count gives; rebuilding from the records changes nothing', async () => {
    const before = await Promise.all(['redemptions-by-offer', 'redemptions-by-partner', 'redemptions-by-week', 'carers-reached', 'redemptions-by-area'].map((name) => REPORTS[name]!(t.database.db)));
    const byPartner = before[1]!.rows;
    expect(byPartner).toEqual(
      (await query(DIRECT.partners)).map((r) => ({ partnerId: r.partner_id, partnerName: `Partner ${String(r.partner_id)}`, redemptions: r.redemptions, carers: r.carers })).sort(
        (a, b) => (b.redemptions as number) - (a.redemptions as number) || String(a.partnerId).localeCompare(String(b.partnerId)),
      ),
    );
    // rows written straight into the table (as a bulk load would) are counted once the summaries are rebuilt
    await rebuildReportSummaries(t.database.db);
    const after = await Promise.all(['redemptions-by-offer', 'redemptions-by-partner', 'redemptions-by-week', 'carers-reached', 'redemptions-by-area'].map((name) => REPORTS[name]!(t.database.db)));
    expect(after).toEqual(before);
    await t.database.db.query(
      `INSERT INTO redemptions (id, redeemed_at, offer_id, partner_id, device_id, iss, jti, verdict, received_at)
       VALUES ($1, '2027-01-14T10:00:00Z', 'coffee', 'corner-shop', $2, 'uk.test.vasl', 'BULK-1', 'VALID', now())`,
      [randomUUID(), shop.deviceId],
    );
    await rebuildReportSummaries(t.database.db);
    await expectSummariesMatchTheRecords();
  });

  it('an area of several partners counts a carer seen at two of them once', async () => {
    await t.database.db.query(`UPDATE partners SET area = 'Rutland' WHERE id IN ('corner-shop', 'ward-7')`);
    try {
      const area = await REPORTS['redemptions-by-area']!(t.database.db);
      const [direct] = await query(`SELECT count(*)::int AS redemptions, count(DISTINCT (iss, jti))::int AS carers FROM redemptions`);
      expect(area.rows).toEqual([{ area: 'Rutland', partners: 2, ...direct }]);
      const [perPartner] = await query(`SELECT sum(carers)::int AS n FROM report_partner_totals`);
      expect((perPartner as { n: number }).n).toBeGreaterThan((direct as { carers: number }).carers); // some carers went to both
    } finally {
      await t.database.db.query(`UPDATE partners SET area = NULL WHERE id IN ('corner-shop', 'ward-7')`);
    }
  });
});

