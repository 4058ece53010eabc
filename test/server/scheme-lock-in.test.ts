// Issue 8, point 2: a real scheme never meets the demo keys. Its database opens only with its own keys; a start without
// them (or with another root) is refused in one line and changes nothing; a database that met the demo keys before
// this check publishes none of them, so a passport forged with a committed demo key never verifies VALID.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTrustState,
  jwsToQrText,
  loadTrustBundle,
  signPassport,
  signTrustBundle,
  verifyPassport,
  withoutPrivate,
  type PublicJwk,
} from '../../src/core/index.ts';
import { DEMO_ISSUERS, DEMO_ROOT_PRIVATE } from '../../src/demo/demo-scheme.ts';
import { demoKeyMaterial, type KeyMaterial } from '../../src/server/keys/key-material.ts';
import { checkScheme, readHeldScheme, SchemeRefused } from '../../src/server/keys/scheme-record.ts';
import { startService } from '../../src/server/service.ts';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/backends.ts';
import { snapshot } from './support/db-snapshot.ts';
import { ADMIN_PASSWORD, makeTestKeys, T0, type TestKeys } from './support/test-service.ts';

const WELL_KNOWN = '/.well-known/carers-passport';

describe.each(BACKENDS)('a real scheme and the demo keys ($name)', (backend) => {
  let database: TestDatabase;
  let real: TestKeys;
  const start = (keys: KeyMaterial = real, seedDemo = false) =>
    startService({ db: database.db, adminPassword: ADMIN_PASSWORD, keys, seedDemo, now: () => T0, refreshEveryMs: 0 });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    real = await makeTestKeys();
    const first = await start();
    await first.close();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('records the real scheme on its first start', async () => {
    expect(await readHeldScheme(database.db)).toEqual({ schemeId: 'test-scheme', rootKid: real.root.kid, demo: false });
  });

  it('refuses a start without its keys in one line that names CP_ROOT_KEY_FILE, and changes nothing', async () => {
    const before = await snapshot(database.db);
    const refused = start(demoKeyMaterial(), true);
    await expect(refused).rejects.toBeInstanceOf(SchemeRefused);
    await expect(refused).rejects.toThrow(/CP_ROOT_KEY_FILE/);
    const message = await checkScheme(database.db, demoKeyMaterial());
    expect(message).toMatch(/^This database holds the scheme test-scheme: set CP_ROOT_KEY_FILE and CP_ISSUERS_FILE to its keys/);
    expect(message).not.toContain('\n');
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('refuses another root in one line, and changes nothing', async () => {
    const before = await snapshot(database.db);
    const other = await makeTestKeys();
    await expect(start(other)).rejects.toThrow(new RegExp(`CP_ROOT_KEY_FILE holds the root key ${other.root.kid}, but this database belongs to the scheme test-scheme`));
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('a database that once met the demo keys publishes none of them; a passport forged with a demo key is never VALID', async () => {
    // what the old fallback left behind: the demo root and issuers in the register, a demo-signed bundle with a higher
    // seq, then (back with the real keys) a bundle signed by the real root that still lists the demo issuers
    const db = database.db;
    await db.query(`INSERT INTO scheme_keys (kid, role, public_jwk) VALUES ($1, 'root', $2)`, [DEMO_ROOT_PRIVATE.kid, JSON.stringify(withoutPrivate(DEMO_ROOT_PRIVATE))]);
    for (const issuer of DEMO_ISSUERS) {
      await db.query('INSERT INTO issuers (iss, name, cats) VALUES ($1, $2, $3)', [issuer.iss, issuer.name, issuer.cats]);
      await db.query(`INSERT INTO scheme_keys (kid, role, iss, public_jwk) VALUES ($1, 'issuer', $2, $3)`, [issuer.key.kid, issuer.iss, JSON.stringify(withoutPrivate(issuer.key))]);
    }
    const everyone = [
      ...real.issuers.map(({ iss, name, cats, key }) => ({ iss, name, cats, keys: [withoutPrivate(key) as PublicJwk] })),
      ...DEMO_ISSUERS.map(({ iss, name, cats, key }) => ({ iss, name, cats, keys: [withoutPrivate(key) as PublicJwk] })),
    ];
    const [{ seq }] = (await db.query<{ seq: number }>('SELECT max(seq) AS seq FROM trust_bundles')) as [{ seq: number }];
    for (const [n, root] of [DEMO_ROOT_PRIVATE, real.root].entries()) {
      const jwt = await signTrustBundle({ iss: 'test-scheme', iat: T0, exp: T0 + 86_400, seq: seq + 1 + n, issuers: everyone }, root);
      await db.query(`INSERT INTO trust_bundles (seq, jwt, iat, exp, reason) VALUES ($1, $2, $3, $4, 'attack')`, [seq + 1 + n, jwt, T0, T0 + 86_400]);
    }

    const service = await start();
    try {
      const bundleJwt = await (await fetch(`${service.url}${WELL_KNOWN}/trust-bundle.jwt`)).text();
      const loaded = await loadTrustBundle(bundleJwt, { roots: [real.pinned] });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      expect(loaded.bundle.seq).toBeGreaterThan(seq + 2);
      expect(loaded.bundle.issuers.map((i) => i.iss)).toEqual(['uk.test.vasl', 'uk.test.young']);
      const demoKids = DEMO_ISSUERS.map((i) => i.key.kid);
      expect([...loaded.bundle.keysByKid.keys()].filter((kid) => demoKids.includes(kid))).toEqual([]);
      const roots = (await (await fetch(`${service.url}${WELL_KNOWN}/roots.json`)).json()) as { keys: { kid: string }[] };
      expect(roots.keys.map((k) => k.kid)).toEqual([real.root.kid]);
      const lists = (await (await fetch(`${service.url}${WELL_KNOWN}/status-lists.json`)).json()) as { lists: { href: string }[] };
      for (const list of lists.lists) expect(list.href).toMatch(/^status\/uk\.test\./);

      // forged with a committed demo issuer key: under the demo issuer's name, and under a real issuer's name
      for (const iss of [DEMO_ISSUERS[0]!.iss, 'uk.test.vasl']) {
        const forged = await signPassport(
          { iss, jti: 'FORGED-1', name: 'Mallory', cat: 'adult', nbf: T0 - 86_400, exp: T0 + 365 * 86_400, iat: T0 - 86_400, statusUri: DEMO_ISSUERS[0]!.statusUri, statusIdx: 0 },
          DEMO_ISSUERS[0]!.key,
        );
        const { statusLists } = await buildTrustState(loaded.bundle, []);
        const verdict = await verifyPassport(jwsToQrText(forged), { bundle: loaded.bundle, statusLists, now: T0 });
        expect(verdict.code, iss).not.toBe('VALID');
        expect(verdict.result, iss).toBe('invalid');
      }
    } finally {
      await service.close();
    }
  });
});

describe.each(BACKENDS)('the demo is what a fresh database without keys gets ($name)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('becomes the demo and says so in the database; real keys then need a fresh database', async () => {
    const service = await startService({ db: database.db, adminPassword: 'demo', keys: demoKeyMaterial(), seedDemo: true, now: () => T0, refreshEveryMs: 0 });
    expect(service.seeded).toBe(true);
    await service.close();
    expect(await readHeldScheme(database.db)).toMatchObject({ demo: true, rootKid: DEMO_ROOT_PRIVATE.kid });

    const before = await snapshot(database.db);
    const real = await makeTestKeys();
    await expect(startService({ db: database.db, adminPassword: ADMIN_PASSWORD, keys: real, now: () => T0, refreshEveryMs: 0 })).rejects.toThrow(
      /^This database holds the demo scheme: use a fresh database \(DATABASE_URL or DATA_DIR\) for a real scheme\. Nothing was changed\.$/,
    );
    expect(await snapshot(database.db)).toEqual(before);
  });
});
