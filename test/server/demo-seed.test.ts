// The demo scheme on first run: the app's demo passports, with the same numbers and status indices, verify against
// the service's published data; the cards page shows them; a second start does not seed again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, loadTrustBundle, pinRoot, verifyPassport } from '../../src/core/index.ts';
import { DEMO_ROOT_PUBLIC, makeDemoTrustData } from '../../src/demo/demo-scheme.ts';
import { demoKeyMaterial } from '../../src/server/keys/key-material.ts';
import { startService } from '../../src/server/service.ts';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/backends.ts';
import { ADMIN_PASSWORD, T0 } from './support/test-service.ts';

describe.each(BACKENDS)('demo scheme ($name)', (backend) => {
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    service = await startService({ db: database.db, adminPassword: ADMIN_PASSWORD, keys: demoKeyMaterial(), seedDemo: true, now: () => T0, refreshEveryMs: 0 });
  });
  afterAll(async () => {
    await service?.close();
    await database?.dispose();
  });

  it('seeds two issuers, three partners, 36 passports and some redemptions', async () => {
    expect(service.seeded).toBe(true);
    const [counts] = await database.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM passports) AS passports, (SELECT count(*)::int FROM partners) AS partners,
              (SELECT count(*)::int FROM issuers) AS issuers, (SELECT count(*)::int FROM redemptions) AS redemptions,
              (SELECT count(*)::int FROM passports WHERE status = 1) AS revoked, (SELECT count(*)::int FROM passports WHERE status = 2) AS suspended`,
    );
    expect(counts).toEqual({ passports: 36, partners: 3, issuers: 2, redemptions: 120, revoked: 4, suspended: 2 });
  });

  it("gives the app's demo passports the verdicts their demo states say, from the service's published lists", async () => {
    const bundleJwt = await (await fetch(`${service.url}/.well-known/carers-passport/trust-bundle.jwt`)).text();
    const loaded = await loadTrustBundle(bundleJwt, { roots: [(await pinRoot(DEMO_ROOT_PUBLIC))!] });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const index = (await (await fetch(`${service.url}/.well-known/carers-passport/status-lists.json`)).json()) as { lists: { uri: string; href: string }[] };
    expect(index.lists.map((l) => l.uri)).toEqual([
      'https://status.carers-passport.example/uk.llr.vasl/1',
      'https://status.carers-passport.example/uk.llr.young-carers/1',
    ]);
    const lists = await Promise.all(index.lists.map(async (l) => (await fetch(`${service.url}/.well-known/carers-passport/${l.href}`)).text()));
    const state = await buildTrustState(loaded.bundle, lists);
    const demo = await makeDemoTrustData(T0);
    const expected = { valid: 'VALID', revoked: 'REVOKED', suspended: 'SUSPENDED', expired: 'EXPIRED', 'not-yet-valid': 'NOT_YET_VALID' };
    for (const passport of demo.passports) {
      const verdict = await verifyPassport(passport.qrText, { bundle: loaded.bundle, statusLists: state.statusLists, now: T0 });
      expect(verdict.code, passport.jti).toBe(expected[passport.state]);
    }
  });

  it('shows printable demo cards with a QR per passport, without a password', async () => {
    const res = await fetch(`${service.url}/demo/cards`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page.match(/<svg/g)).toHaveLength(36);
    expect(page).toContain('LLR-1001');
    expect(page).toMatch(/Demo state: <span class="state state-revoked">revoked/);
  });

  it('does not seed again on the next start', async () => {
    const again = await startService({ db: database.db, adminPassword: ADMIN_PASSWORD, keys: demoKeyMaterial(), seedDemo: true, now: () => T0, refreshEveryMs: 0 });
    try {
      expect(again.seeded).toBe(false);
      const [row] = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM passports');
      expect(row!.n).toBe(36);
    } finally {
      await again.close();
    }
  });
});
