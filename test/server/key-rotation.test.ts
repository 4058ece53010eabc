// Issue 10, point 6: an issuer's new key. New passports are signed with it; the bundle holds the old key while a
// passport it signed is valid, and drops it once the last one has expired or been cancelled.

import { afterEach, describe, expect, it } from 'vitest';
import { buildTrustState, generateSigningKey, loadTrustBundle, verifyPassport } from '../../src/core/index.ts';
import { startService, type RunningService } from '../../src/server/service.ts';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/backends.ts';
import { adminCall, ADMIN_PASSWORD, grantTestToken, makeTestKeys, T0, type TestKeys } from './support/test-service.ts';

const WK = '/.well-known/carers-passport';
const DAY = 86_400;

describe.each(BACKENDS)('key rotation ($name)', (backend) => {
  let database: TestDatabase | undefined;
  let service: RunningService | undefined;
  const clock = { now: T0 };

  afterEach(async () => {
    await service?.close();
    await database?.dispose();
    service = undefined;
    database = undefined;
  });

  /** Starts (or restarts) the service on the same database with these keys, as an operator's restart would. */
  async function start(keys: TestKeys): Promise<string> {
    await service?.close();
    database ??= await openTestDatabase(backend);
    service = await startService({ db: database.db, adminPassword: ADMIN_PASSWORD, keys, now: () => clock.now, refreshEveryMs: 0, log: () => {} });
    await grantTestToken(service.ctx);
    return service.url;
  }

  /** The issuer's new key in the issuers file: same root, same issuers, a new key for uk.test.vasl. */
  async function rotated(keys: TestKeys): Promise<TestKeys> {
    const fresh = await generateSigningKey('ES256');
    return { ...keys, issuers: keys.issuers.map((i) => (i.iss === 'uk.test.vasl' ? { ...i, key: fresh.privateJwk } : i)) };
  }

  async function trust(url: string, keys: TestKeys) {
    const loaded = await loadTrustBundle(await (await fetch(`${url}${WK}/trust-bundle.jwt`)).text(), { roots: [keys.pinned] });
    if (!loaded.ok) throw new Error(`bundle rejected: ${loaded.reason}`);
    const index = (await (await fetch(`${url}${WK}/status-lists.json`)).json()) as { lists: { href: string }[] };
    const lists = await Promise.all(index.lists.map(async (l) => (await fetch(new URL(l.href, `${url}${WK}/status-lists.json`))).text()));
    const state = await buildTrustState(loaded.bundle, lists);
    const vaslKids = loaded.bundle.issuers.find((i) => i.iss === 'uk.test.vasl')!.keys.map((k) => k.kid);
    return { vaslKids, verdict: (qrText: string) => verifyPassport(qrText, { bundle: loaded.bundle, statusLists: state.statusLists, now: clock.now }), ignored: state.ignored };
  }

  async function issue(url: string, name: string, days: number) {
    const issued = await adminCall(url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name, nbf: clock.now, exp: clock.now + days * DAY });
    expect(issued.status).toBe(201);
    return issued.data as { passport: { jti: string }; token: string; qrText: string };
  }

  const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;

  it('signs new passports with the new key, keeps the old key while its passports are valid, drops it when the last expires', async () => {
    clock.now = T0;
    const before = await makeTestKeys();
    const oldKid = before.issuers[0]!.key.kid;
    let url = await start(before);
    const short = await issue(url, 'Ada Short', 100);
    const long = await issue(url, 'Bea Long', 200);
    expect(kidOf(short.token)).toBe(oldKid);

    const after = await rotated(before);
    const newKid = after.issuers[0]!.key.kid;
    clock.now += DAY;
    url = await start(after);
    let t = await trust(url, after);
    expect(t.vaslKids).toEqual([oldKid, newKid]);
    expect(t.ignored).toEqual([]); // the lists were signed again with the new key at start

    const fresh = await issue(url, 'Cy New', 300);
    expect(kidOf(fresh.token)).toBe(newKid);
    expect((await t.verdict(fresh.qrText)).code).toBe('VALID');
    expect((await t.verdict(short.qrText)).code).toBe('VALID');
    expect((await t.verdict(long.qrText)).code).toBe('VALID');

    // renewing with the new key leaves the old card valid until its own expiry: the old key stays for it
    const renewed = await adminCall(url, 'POST', `/admin/api/passports/uk.test.vasl/${long.passport.jti}/renew`);
    expect(kidOf(renewed.data.token)).toBe(newKid);

    clock.now = T0 + 150 * DAY; // the first has expired, the old card of the second has not
    await service!.refresh();
    t = await trust(url, after);
    expect(t.vaslKids).toEqual([oldKid, newKid]);
    expect((await t.verdict(long.qrText)).code).toBe('VALID');

    clock.now = T0 + 201 * DAY; // every passport the old key signed has expired
    await service!.refresh();
    t = await trust(url, after);
    expect(t.vaslKids).toEqual([newKid]);
    expect((await t.verdict(renewed.data.qrText)).code).toBe('VALID');
    expect((await t.verdict(fresh.qrText)).code).toBe('VALID');
    expect((await t.verdict(long.qrText)).code).toBe('UNTRUSTED_ISSUER');

    const keys = await adminCall(url, 'GET', '/admin/api/keys');
    expect(keys.data.keys.filter((k: { iss: string }) => k.iss === 'uk.test.vasl')).toMatchObject([
      { kid: oldKid, state: 'removed', validPassports: 0 },
      { kid: newKid, state: 'active', validPassports: 2 },
    ]);
  });

  it('drops the old key once its last valid passport is cancelled, and takes it back if the issuers file names it again', async () => {
    clock.now = T0;
    const before = await makeTestKeys();
    const oldKid = before.issuers[0]!.key.kid;
    let url = await start(before);
    const only = await issue(url, 'Dee Only', 365);
    const after = await rotated(before);
    url = await start(after);
    expect((await trust(url, after)).vaslKids).toEqual([oldKid, after.issuers[0]!.key.kid]);

    // suspended still holds the key (it may be reinstated); cancelled does not
    expect((await adminCall(url, 'POST', `/admin/api/passports/uk.test.vasl/${only.passport.jti}/suspend`)).status).toBe(200);
    await service!.refresh();
    expect((await trust(url, after)).vaslKids).toContain(oldKid);
    expect((await adminCall(url, 'POST', `/admin/api/passports/uk.test.vasl/${only.passport.jti}/revoke`)).status).toBe(200);
    await service!.refresh();
    expect((await trust(url, after)).vaslKids).toEqual([after.issuers[0]!.key.kid]);

    // an operator who rolls back to the old key file: it signs again and is in the bundle again
    url = await start(before);
    const again = await issue(url, 'Eve Again', 30);
    const t = await trust(url, before);
    expect(t.vaslKids).toContain(oldKid);
    expect((await t.verdict(again.qrText)).code).toBe('VALID');
  });

  it('keeps a retired key for passports signed before the service recorded signers (migration 009), until they expire', async () => {
    clock.now = T0;
    const before = await makeTestKeys();
    const oldKid = before.issuers[0]!.key.kid;
    let url = await start(before);
    const earlier = await issue(url, 'Fay Earlier', 60);
    // as a register from before migration 009 holds it: no record of the signer, then the migration's own fill
    await database!.db.query('DELETE FROM passport_signatures');
    const migration = (await import('node:fs')).readFileSync(new URL('../../src/server/migrations/009-key-rotation.sql', import.meta.url), 'utf8');
    await database!.db.exec(migration);
    const after = await rotated(before);
    url = await start(after);
    await service!.refresh();
    expect((await trust(url, after)).vaslKids).toContain(oldKid);
    expect((await (await trust(url, after)).verdict(earlier.qrText)).code).toBe('VALID');
    clock.now = T0 + 61 * DAY;
    await service!.refresh();
    expect((await trust(url, after)).vaslKids).toEqual([after.issuers[0]!.key.kid]);
  });
});
