// Reports on known data: per offer, partner and week (Monday, Europe/London, across the clock change), carers reached,
// passports per month; JSON and CSV, admin only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/server/reports/reports.ts';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, record, upload } from './support/scheme-fixtures.ts';
import { ADMIN_PASSWORD, adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

const at = (iso: string) => Date.parse(iso) / 1000;

describe.each(BACKENDS)('reports ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
    await createPartner(t.url, 'corner-shop', ['coffee', 'parking']);
    await createPartner(t.url, 'pharmacy', ['priority']);
    const shop = await enrol(t.url, 'corner-shop');
    const chemist = await enrol(t.url, 'pharmacy');
    // UK summer time starts 2027-03-28 at 01:00 UTC
    const shopRecords = [
      record(shop, { offerId: 'coffee', jti: 'X-1', redeemedAt: '2027-03-28T23:30:00Z' }), // Mon 29 Mar 00:30 BST
      record(shop, { offerId: 'coffee', jti: 'X-1', redeemedAt: '2027-03-28T22:30:00Z' }), // Sun 28 Mar 23:30 BST
      record(shop, { offerId: 'coffee', jti: 'Y-2', redeemedAt: '2027-03-22T00:30:00Z' }), // Mon 22 Mar 00:30 GMT
      record(shop, { offerId: 'parking', jti: 'Y-2', redeemedAt: '2027-03-21T23:59:00Z' }), // Sun 21 Mar
    ];
    const chemistRecords = [
      record(chemist, { offerId: 'priority', jti: 'X-1', redeemedAt: '2027-03-23T12:00:00Z' }),
      record(chemist, { offerId: 'priority', jti: 'X-1', iss: 'uk.test.young', redeemedAt: '2027-03-24T12:00:00Z' }),
    ];
    t.clock.now = at('2027-04-01T10:00:00Z'); // the records are uploaded after they were made (never over a day ahead)
    expect((await upload(t.url, shop.deviceToken, { records: shopRecords })).status).toBe(200);
    expect((await upload(t.url, chemist.deviceToken, { records: chemistRecords })).status).toBe(200);

    const issue = async (name: string) => (await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name })).data.passport.jti as string;
    t.clock.now = at('2027-01-20T10:00:00Z');
    const a = await issue('A');
    await issue('B');
    await issue('C');
    t.clock.now = at('2027-02-10T10:00:00Z');
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${a}/renew`);
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${a}/revoke`);
    t.clock.now = at('2027-05-31T23:30:00Z'); // 1 June 00:30 in London
    await issue('D');
  });
  afterAll(() => t?.stop());

  const report = async (name: string) => {
    const res = await fetch(`${t.url}/v1/reports/${name}`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    return (await res.json()) as { rows: Record<string, unknown>[]; columns: string[] };
  };

  it('counts redemptions and distinct carers per offer', async () => {
    expect((await report('redemptions-by-offer')).rows).toEqual([
      { partnerId: 'corner-shop', offerId: 'coffee', offerTitle: 'Offer coffee', redemptions: 3, carers: 2 },
      { partnerId: 'pharmacy', offerId: 'priority', offerTitle: 'Offer priority', redemptions: 2, carers: 2 },
      { partnerId: 'corner-shop', offerId: 'parking', offerTitle: 'Offer parking', redemptions: 1, carers: 1 },
    ]);
  });

  it('counts redemptions per partner', async () => {
    expect((await report('redemptions-by-partner')).rows).toEqual([
      { partnerId: 'corner-shop', partnerName: 'Partner corner-shop', redemptions: 4, carers: 2 },
      { partnerId: 'pharmacy', partnerName: 'Partner pharmacy', redemptions: 2, carers: 2 },
    ]);
  });

  it('counts per week starting Monday in London time, across the start of summer time', async () => {
    expect((await report('redemptions-by-week')).rows).toEqual([
      { weekStarting: '2027-03-15', redemptions: 1, carers: 1 },
      { weekStarting: '2027-03-22', redemptions: 4, carers: 3 },
      { weekStarting: '2027-03-29', redemptions: 1, carers: 1 },
    ]);
  });

  it('counts carers reached as distinct issuer and passport number', async () => {
    expect((await report('carers-reached')).rows).toEqual([{ carers: 3, redemptions: 6, partners: 2 }]);
  });

  it('counts passports issued, renewed and revoked per month in London time', async () => {
    expect((await report('passports-by-month')).rows).toEqual([
      { month: '2027-01', issued: 3, renewed: 0, revoked: 0 },
      { month: '2027-02', issued: 0, renewed: 1, revoked: 1 },
      { month: '2027-06', issued: 1, renewed: 0, revoked: 0 },
    ]);
  });

  it('gives the same numbers as CSV', async () => {
    const res = await fetch(`${t.url}/v1/reports/redemptions-by-week?format=csv`, { headers: adminHeaders() });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/redemptions-by-week\.csv/);
    expect(await res.text()).toBe('weekStarting,redemptions,carers\r\n2027-03-15,1,1\r\n2027-03-22,4,3\r\n2027-03-29,1,1\r\n');
  });

  it('lists the reports, and answers 404 to an unknown one', async () => {
    const index = await adminCall(t.url, 'GET', '/v1/reports');
    expect(index.data.reports.map((r: any) => r.name)).toEqual([
      'redemptions-by-offer', 'redemptions-by-partner', 'redemptions-by-week', 'carers-reached', 'redemptions-by-area', 'recognitions-in-hospitals',
      'passports-by-month', 'passports-by-issuer', 'passports-by-kind', 'passports-by-month-issuer-kind', 'over-limit',
    ]);
    expect((await adminCall(t.url, 'GET', '/v1/reports/toString')).status).toBe(404);
  });

  it('needs the admin password', async () => {
    expect((await fetch(`${t.url}/v1/reports/carers-reached`)).status).toBe(401);
    const wrong = `Basic ${Buffer.from(`staff:${ADMIN_PASSWORD}x`).toString('base64')}`;
    const res = await fetch(`${t.url}/v1/reports/carers-reached`, { headers: { authorization: wrong } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
  });
});

describe('report CSV', () => {
  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv({ report: 'r', title: 'r', columns: ['a', 'b'], rows: [{ a: 'Tea, "best"', b: '=HYPERLINK("x")' }, { a: -3, b: '' }] });
    expect(csv).toBe('a,b\r\n"Tea, ""best""","\'=HYPERLINK(""x"")"\r\n-3,\r\n');
  });
});
