// Issue 10: an existing register imported from CSV (10,000 rows, 20 bad ones), renewals and their bulk renewal, and the
// reports over what was imported, on each database.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCsv } from '../bench/register-csv.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

const DAY = 86_400;
const at = (iso: string) => Date.parse(iso) / 1000;

/** Each kind of fault once (some twice, in another form), after the good row it may copy. */
const BAD_ROWS: [string, RegExp][] = [
  ['Ann,adult,BAD-1,2024-01-01,2027-01-01,uk.nowhere', /^unknown issuer "uk.nowhere"/],
  ['Ann,adult,BAD-2,2024-01-01,2027-01-01,', /^no issuer/],
  ['Ann,elderly carer,BAD-3,2024-01-01,2027-01-01,uk.test.vasl', /^unknown kind of carer "elderly carer"/],
  ['Ann,young,BAD-4,2024-01-01,2027-01-01,uk.test.vasl', /does not issue passports to young carers/],
  ['Ann,adult,BAD-5,2024-02-30,2027-01-01,uk.test.vasl', /^the issue date "2024-02-30" is not a date/],
  ['Ann,adult,BAD-6,2024-01-01,31/13/2027,uk.test.vasl', /^the expiry date "31\/13\/2027" is not a date/],
  ['Ann,adult,BAD-7,01.01.2024,2027-01-01,uk.test.vasl', /^the issue date "01.01.2024" is not a date/],
  ['Ann,adult,BAD-8,2024-01-01,2023-12-31,uk.test.vasl', /^the expiry date is before the issue date/],
  ['Ann,adult,BAD-9,2024-01-01,2034-01-02,uk.test.vasl', /more than 10 years after the issue date/],
  ['Ann,adult,IMP-000000,2024-01-01,2027-01-01,uk.test.vasl', /^passport number IMP-000000 is also on line 2/],
  [',adult,BAD-11,2024-01-01,2027-01-01,uk.test.vasl', /^no name/],
  ['"   ",adult,BAD-12,2024-01-01,2027-01-01,uk.test.vasl', /^no name/],
  [`${'X'.repeat(65)},adult,BAD-13,2024-01-01,2027-01-01,uk.test.vasl`, /longer than 64 characters/],
  ['Ann,adult,bad-14,2024-01-01,2027-01-01,uk.test.vasl', /^passport number "bad-14" is not capital letters/],
  ['Ann,adult,-BAD15,2024-01-01,2027-01-01,uk.test.vasl', /^passport number "-BAD15"/],
  [`Ann,adult,${'A'.repeat(33)},2024-01-01,2027-01-01,uk.test.vasl`, /^passport number "A{33}"/],
  ['Ann,adult,"BAD 17",2024-01-01,2027-01-01,uk.test.vasl', /^passport number "BAD 17"/],
  ['"Ann"x,adult,BAD-18,2024-01-01,2027-01-01,uk.test.vasl', /^the row cannot be read: text after a closing quote/],
  ['Ann,,BAD-19,2024-01-01,2027-01-01,uk.test.vasl', /^unknown kind of carer ""/],
  ['Ann,adult,BAD-20,,2027-01-01,uk.test.vasl', /^the issue date "" is not a date/],
];

/** 9,980 good rows with 20 bad ones spread among them; returns the file and the bad rows' lines. */
function fileWithFaults(issuers: { iss: string; cats: readonly string[] }[]): { csv: string; badLines: number[] } {
  const good = registerCsv(9_980, issuers).trimEnd().split('\r\n');
  const [header, ...rows] = good;
  const lines = [header!];
  const badLines: number[] = [];
  rows.forEach((row, i) => {
    lines.push(row);
    if (i % 499 === 0 && badLines.length < BAD_ROWS.length) {
      lines.push(BAD_ROWS[badLines.length]![0]);
      badLines.push(lines.length); // 1-based line of the row just added
    }
  });
  return { csv: '\uFEFF' + lines.join('\r\n') + '\r\n', badLines };
}

describe.each(BACKENDS)('register import ($name)', (backend) => {
  let t: TestService;
  let file: { csv: string; badLines: number[] };
  beforeAll(async () => {
    t = await startTestService(backend);
    file = fileWithFaults(t.keys.issuers);
  });
  afterAll(() => t?.stop());

  const count = async (sql: string) => Number((await t.database.db.query<{ n: number }>(sql))[0]!.n);

  it('a dry run reports what would happen and changes nothing', { timeout: 60_000 }, async () => {
    const before = await t.database.db.query('SELECT id, next_idx, jwt_iat FROM status_lists ORDER BY id');
    const res = await adminCall(t.url, 'POST', '/admin/api/passports/import?dryRun=1', { csv: file.csv });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ dryRun: true, imported: 9_980, alreadyPresent: 0 });
    expect(res.data.refused).toHaveLength(20);
    expect(res.data.rows).toBeUndefined();
    expect(await count('SELECT count(*)::int AS n FROM passports')).toBe(0);
    expect(await t.database.db.query('SELECT id, next_idx, jwt_iat FROM status_lists ORDER BY id')).toEqual(before);
  });

  it('imports exactly the 9,980 good rows, refuses the 20 bad ones by line, and a second run adds nothing', { timeout: 120_000 }, async () => {
    const first = await adminCall(t.url, 'POST', '/admin/api/passports/import', { csv: file.csv });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ dryRun: false, imported: 9_980, alreadyPresent: 0 });
    expect(first.data.refused.map((r: { line: number }) => r.line)).toEqual(file.badLines);
    first.data.refused.forEach((r: { reason: string }, i: number) => expect(r.reason).toMatch(BAD_ROWS[i]![1]));
    expect(await count('SELECT count(*)::int AS n FROM passports')).toBe(9_980);
    // each passport its own status index; one audit entry for the file and one per passport
    expect(await count('SELECT count(DISTINCT (status_list_id, status_idx))::int AS n FROM passports')).toBe(9_980);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'passport.import'`)).toBe(9_980);
    const [summary] = await t.database.db.query<{ detail: unknown }>(`SELECT detail FROM audit_log WHERE action = 'register.import'`);
    expect(summary!.detail).toEqual({ imported: 9_980, alreadyPresent: 0, refused: 20 });

    const second = await adminCall(t.url, 'POST', '/admin/api/passports/import?rows=1', { csv: file.csv });
    expect(second.data).toMatchObject({ imported: 0, alreadyPresent: 9_980 });
    expect(second.data.rows).toHaveLength(10_000);
    expect(second.data.rows[0]).toEqual({ line: 2, outcome: 'already-present', iss: 'uk.test.vasl', jti: 'IMP-000000' });
    expect(await count('SELECT count(*)::int AS n FROM passports')).toBe(9_980);
  });

  it('keeps names as written, in any script, and publishes lists that still verify', async () => {
    const [row] = await t.database.db.query<{ name: string; category: string; nbf: string; exp: string }>(`SELECT name, category, nbf, exp FROM passports WHERE jti = 'IMP-000004'`);
    expect({ ...row, nbf: Number(row!.nbf), exp: Number(row!.exp) }).toEqual({ name: 'محمد علي 4', category: 'parent', nbf: at('2023-05-05T00:00:00Z'), exp: at('2026-05-06T00:00:00Z') - 1 });
    const lists = await fetch(`${t.url}/.well-known/carers-passport/status-lists.json`);
    expect(lists.status).toBe(200);
  });

  it('numbers rows without a number, the same numbers on every run', async () => {
    const csv = 'name,kind,issued,expires,issuer\nBea Smith,Parent carer,01/02/2026,31/01/2029,Test Carers Service\nBea Smith,Parent carer,01/02/2026,31/01/2029,Test Carers Service\n';
    const first = await adminCall(t.url, 'POST', '/admin/api/passports/import?rows=1', { csv });
    expect(first.data).toMatchObject({ imported: 2, alreadyPresent: 0, refused: [] });
    const numbers = first.data.rows.map((r: { jti: string }) => r.jti);
    expect(numbers[0]).toMatch(/^VASL-[0-9A-Z]{8}$/);
    expect(new Set(numbers).size).toBe(2);
    const again = await adminCall(t.url, 'POST', '/admin/api/passports/import?rows=1', { csv });
    expect(again.data).toMatchObject({ imported: 0, alreadyPresent: 2 });
    expect(again.data.rows.map((r: { jti: string }) => r.jti)).toEqual(numbers);
  });

  it('refuses a file it cannot read as a register, in one line', async () => {
    const res = await adminCall(t.url, 'POST', '/admin/api/passports/import', { csv: 'who,what\n1,2\n' });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ error: 'bad-file', message: expect.stringMatching(/^line 1: unknown column "who"/) });
  });

  describe('renewals', () => {
    beforeAll(async () => {
      const csv = [
        'name,kind,number,issued,expires,issuer',
        'Soon Due,adult,REN-1,2024-02-01,2027-02-10,uk.test.vasl', // 26 days after T0 (2027-01-15)
        'Later Due,adult,REN-2,2024-02-01,2027-03-20,uk.test.vasl', // 64 days: outside 60
        'Just Gone,young,REN-3,2024-01-01,2027-01-01,uk.test.young', // expired 14 days ago
        'Long Gone,adult,REN-4,2023-11-01,2026-11-30,uk.test.vasl', // 46 days ago: outside 30
      ].join('\n');
      await adminCall(t.url, 'POST', '/admin/api/passports/import', { csv });
      await adminCall(t.url, 'POST', '/admin/api/passports/uk.test.young/REN-3/suspend');
    });

    it('lists passports expiring in the next 60 days and expired in the last 30, with a fixed clock', async () => {
      const res = await adminCall(t.url, 'GET', '/admin/api/renewals?within=60&expiredWithin=30');
      const ours = res.data.passports.filter((p: { jti: string }) => p.jti.startsWith('REN-'));
      expect(ours.map((p: any) => [p.jti, p.due, p.status, p.expiry])).toEqual([
        ['REN-3', 'expired', 'suspended', '2027-01-01'],
        ['REN-1', 'expiring', 'valid', '2027-02-10'],
      ]);
      const csv = await (await fetch(`${t.url}/admin/api/renewals?within=60&expiredWithin=30&format=csv`, { headers: adminHeaders() })).text();
      expect(csv.split('\r\n')[0]).toBe('name,number,issuer,expiry,status');
      expect(csv).toContain('Just Gone,REN-3,Test Young Carers,2027-01-01,"expired, suspended"\r\n');
      expect(csv).toContain('Soon Due,REN-1,Test Carers Service,2027-02-10,expiring\r\n');
      expect(csv).not.toContain('REN-2');
    });

    it('renews in bulk, keeping numbers and status indices, from the old expiry when still ahead', async () => {
      const before = await t.database.db.query<{ jti: string; status_idx: number }>(`SELECT jti, status_idx FROM passports WHERE jti IN ('REN-1', 'REN-3') ORDER BY jti`);
      const res = await adminCall(t.url, 'POST', '/admin/api/renewals/renew', {
        passports: [{ iss: 'uk.test.vasl', jti: 'REN-1' }, { iss: 'uk.test.young', jti: 'REN-3' }, { iss: 'uk.test.vasl', jti: 'NOPE-1' }],
        years: 3,
      });
      expect(res.status).toBe(200);
      expect(res.data.renewed.map((r: any) => [r.jti, r.expiry])).toEqual([['REN-1', '2030-02-10'], ['REN-3', '2030-01-15']]);
      expect(res.data.refused).toEqual([{ iss: 'uk.test.vasl', jti: 'NOPE-1', reason: 'no passport NOPE-1 of uk.test.vasl' }]);
      expect(await t.database.db.query(`SELECT jti, status_idx FROM passports WHERE jti IN ('REN-1', 'REN-3') ORDER BY jti`)).toEqual(before);
      const after = await adminCall(t.url, 'GET', '/admin/api/renewals?within=60&expiredWithin=30');
      expect(after.data.passports.filter((p: { jti: string }) => p.jti.startsWith('REN-'))).toEqual([]);
    });
  });

  it('reports the imported register by month, issuer and kind', async () => {
    const report = async (name: string) => (await adminCall(t.url, 'GET', `/v1/reports/${name}`)).data.rows as Record<string, unknown>[];
    const byIssuer = await report('passports-by-issuer');
    // 9,980 + 2 unnumbered + 4 renewal rows; 2 renewals (one in each issuer)
    expect(byIssuer).toEqual([
      { iss: 'uk.test.vasl', issuerName: 'Test Carers Service', issued: 4_990 + 2 + 3, renewed: 1, revoked: 0, current: expect.any(Number) },
      { iss: 'uk.test.young', issuerName: 'Test Young Carers', issued: 4_990 + 1, renewed: 1, revoked: 0, current: expect.any(Number) },
    ]);
    const byKind = await report('passports-by-kind');
    expect(byKind.reduce((sum, r) => sum + Number(r.issued), 0)).toBe(9_986);
    // registerCsv: issuers alternate, each cycling through its kinds; young carers are issuer 2's even rows
    expect(byKind.find((r) => r.kind === 'young')).toMatchObject({ issued: 2_495 + 1, renewed: 1 });
    const months = await report('passports-by-month');
    expect(months.reduce((sum, r) => sum + Number(r.issued), 0)).toBe(9_986);
    // IMP-000000 was issued on 2023-01-01: the month it was first issued, not the month it was imported
    const jan2023 = (await report('passports-by-month-issuer-kind')).filter((r) => r.month === '2023-01');
    expect(jan2023.length).toBeGreaterThan(0);
    expect(months.find((r) => r.month === '2027-01')).toMatchObject({ renewed: 2 });
  });
});
