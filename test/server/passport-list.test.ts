// Issue 10, point 7: the register's list for the admin UI: search, filters, sorting and stable pages, on each database.
// The expected lists are worked out here from the table's raw rows, not by the code under test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { saveApiToken } from '../../src/server/accounts/api-tokens.ts';
import { importRegister } from '../../src/server/register/import-register.ts';
import { registerCsv } from '../bench/register-csv.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, startTestService, T0, type TestService } from './support/test-service.ts';

const DAY = 86_400;
const COUNT = 150;
type Raw = { iss: string; jti: string; cat: string; name: string; lowerName: string; exp: number; status: number; issuedAt: string };
type Listed = { iss: string; jti: string; cat: string; name: string; exp: number; status: string; issuedAt: string };

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const keyOf = (p: { iss: string; jti: string }) => `${p.iss}/${p.jti}`;

/** The order each sort promises: its column, then issuer and number (byte order), ascending. */
const ASCENDING: Record<string, (a: Raw, b: Raw) => number> = {
  issued: (a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || bytes(a.iss, b.iss) || bytes(a.jti, b.jti),
  expires: (a, b) => a.exp - b.exp || bytes(a.iss, b.iss) || bytes(a.jti, b.jti),
  name: (a, b) => bytes(a.lowerName, b.lowerName) || bytes(a.iss, b.iss) || bytes(a.jti, b.jti),
  number: (a, b) => bytes(a.jti, b.jti) || bytes(a.iss, b.iss),
};

describe.each(BACKENDS)('the passport list ($name)', (backend) => {
  let t: TestService;
  let raw: Raw[];
  const list = async (query: string) => {
    const res = await adminCall(t.url, 'GET', `/admin/api/passports${query}`);
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    return res.data as { passports: Listed[]; total: number; offset: number; limit: number };
  };

  beforeAll(async () => {
    t = await startTestService(backend);
    const imported = await importRegister(t.service.ctx, registerCsv(COUNT, t.keys.issuers), { actor: 'test' });
    expect(imported.ok && imported.imported).toBe(COUNT);
    // a few cancelled and suspended ones, among the expired and the current
    await t.service.ctx.db.query(`UPDATE passports SET status = 1 WHERE jti IN ('IMP-000003', 'IMP-000010', 'IMP-000044', 'IMP-000101')`);
    await t.service.ctx.db.query(`UPDATE passports SET status = 2 WHERE jti IN ('IMP-000005', 'IMP-000012', 'IMP-000050', 'IMP-000077')`);
    raw = (
      await t.service.ctx.db.query<{ iss: string; jti: string; category: string; name: string; lower_name: string; exp: string | number; status: number; issued_at: Date | string }>(
        'SELECT iss, jti, category, name, lower(name) AS lower_name, exp, status, issued_at FROM passports',
      )
    ).map((r) => ({ iss: r.iss, jti: r.jti, cat: r.category, name: r.name, lowerName: r.lower_name, exp: Number(r.exp), status: r.status, issuedAt: new Date(r.issued_at).toISOString() }));
    expect(raw.length).toBe(COUNT);
  });
  afterAll(() => t?.stop());

  it('answers the first 50, newest first, with the total, and keeps the passports key callers already read', async () => {
    const page = await list('');
    expect(page.total).toBe(COUNT);
    expect(page.offset).toBe(0);
    expect(page.limit).toBe(50);
    const newest = [...raw].sort(ASCENDING.issued).reverse().slice(0, 50);
    expect(page.passports.map(keyOf)).toEqual(newest.map(keyOf));
    expect(page.passports[0]).toMatchObject({ cat: expect.any(String), statusUri: expect.stringMatching(/^https?:\/\//), statusIdx: expect.any(Number), issuedAt: newest[0]!.issuedAt });
  });

  for (const sort of ['issued', 'expires', 'name', 'number'] as const) {
    it(`sorted by ${sort} both ways, pages of 13 hold every passport exactly once, in order (listed, and found by a search)`, async () => {
      for (const [dir, search] of [['asc', ''], ['desc', ''], ['asc', '&q=imp-000'], ['desc', '&q=IMP-000']] as const) {
        const seen: Listed[] = [];
        for (let offset = 0; offset < COUNT; offset += 13) {
          const page = await list(`?sort=${sort}&dir=${dir}&limit=13&offset=${offset}${search}`);
          expect(page.total).toBe(COUNT);
          expect(page.passports.length).toBe(Math.min(13, COUNT - offset));
          seen.push(...page.passports);
        }
        const expected = [...raw].sort(ASCENDING[sort]);
        if (dir === 'desc') expected.reverse();
        expect(new Set(seen.map(keyOf)).size).toBe(COUNT);
        expect(seen.map(keyOf)).toEqual(expected.map(keyOf));
      }
    });
  }

  it('a page past the end is empty, with the total', async () => {
    const page = await list(`?offset=${COUNT + 5}`);
    expect(page).toEqual({ passports: [], total: COUNT, totalExact: true, offset: COUNT + 5, limit: 50 });
    const searched = await list(`?q=IMP-00001&offset=40`);
    expect(searched).toEqual({ passports: [], total: 10, totalExact: true, offset: 40, limit: 50 });
  });

  it('filters combine with each other and with a search, by the scheme clock', async () => {
    const cases: [string, (r: Raw) => boolean][] = [
      ['?iss=uk.test.young', (r) => r.iss === 'uk.test.young'],
      ['?cat=parent', (r) => r.cat === 'parent'],
      ['?status=revoked', (r) => r.status === 1],
      ['?status=suspended&iss=uk.test.vasl', (r) => r.status === 2 && r.iss === 'uk.test.vasl'],
      ['?status=valid', (r) => r.status === 0 && r.exp > T0],
      ['?status=expired', (r) => r.status !== 1 && r.exp <= T0],
      ['?status=expiring', (r) => r.status !== 1 && r.exp > T0 && r.exp <= T0 + 30 * DAY],
      ['?status=expired&cat=adult&iss=uk.test.vasl', (r) => r.status !== 1 && r.exp <= T0 && r.cat === 'adult' && r.iss === 'uk.test.vasl'],
      ['?q=IMP-0001', (r) => r.jti.startsWith('IMP-0001')],
      ['?q=ada&status=valid', (r) => r.lowerName.startsWith('ada') && r.status === 0 && r.exp > T0],
      ['?q=jones&cat=young-adult', (r) => r.lowerName.split(' ').includes('jones') && r.cat === 'young-adult'],
      ['?q=zzz-nothing', () => false],
    ];
    for (const [query, keep] of cases) {
      const expected = raw.filter(keep).sort(ASCENDING.expires);
      const page = await list(`${query}&sort=expires&limit=200`);
      expect(page.total, query).toBe(expected.length);
      expect(page.passports.map(keyOf), query).toEqual(expected.map(keyOf));
    }
    // each kind of filter finds something here, so the cases above prove more than empty lists
    expect(raw.filter((r) => r.status !== 1 && r.exp > T0 && r.exp <= T0 + 30 * DAY).length).toBeGreaterThan(0);
    expect(raw.filter((r) => r.status !== 1 && r.exp <= T0 && r.cat === 'adult' && r.iss === 'uk.test.vasl').length).toBeGreaterThan(0);
  });

  it('a bad value is refused with a problem naming the field', async () => {
    for (const [query, field, words] of [
      ['?status=lost', 'status', /must be one of: valid, revoked, suspended, expired, expiring/],
      ['?sort=colour', 'sort', /must be one of: issued, expires, name, number/],
      ['?dir=up', 'dir', /asc, desc/],
      ['?cat=elderly', 'cat', /adult/],
      ['?limit=0', 'limit', /from 1 to 200/],
      ['?limit=201', 'limit', /from 1 to 200/],
      ['?limit=ten', 'limit', /limit/],
      ['?offset=-1', 'offset', /offset/],
    ] as const) {
      const res = await adminCall(t.url, 'GET', `/admin/api/passports${query}`);
      expect(res.status, query).toBe(400);
      expect(res.data, query).toMatchObject({ field, message: expect.stringMatching(words) });
    }
  });

  it("issuer staff list their own issuer's passports only; naming another issuer is refused", async () => {
    const added = await addAccount(t.service.ctx, { name: 'young-staff', role: 'issuer', iss: 'uk.test.young', password: 'a long enough password' }, 'test');
    if (!added.ok) throw new Error(added.problem);
    const token = { id: 'cptyoungstaff01', secret: 'test-only-young-staff-secret' };
    await saveApiToken(t.service.ctx.db, { accountId: added.account.id, id: token.id, secret: token.secret, label: 'test', at: T0 });
    const call = (query: string) =>
      fetch(`${t.url}/admin/api/passports${query}`, { headers: { authorization: `Basic ${Buffer.from(`${token.id}:${token.secret}`).toString('base64')}` } });
    const own = (await (await call('?limit=200')).json()) as { passports: Listed[]; total: number };
    expect(own.total).toBe(raw.filter((r) => r.iss === 'uk.test.young').length);
    expect(own.passports.every((p) => p.iss === 'uk.test.young')).toBe(true);
    expect((await call('?iss=uk.test.young')).status).toBe(200);
    expect((await call('?iss=uk.test.vasl')).status).toBe(403);
  });
});
