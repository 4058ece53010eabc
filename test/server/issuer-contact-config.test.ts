// The issuers file may carry each issuer's contact (spec section 8); a malformed one stops the start with one line
// naming the file, and a changed contact signs the bundle again.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, loadTrustBundle, pinRoot } from '../../src/core/index.ts';
import { demoKeyMaterial, loadKeyMaterial } from '../../src/server/keys/key-material.ts';
import { currentTrustBundle, refreshTrustBundleIfDue } from '../../src/server/publication/trust-bundle.ts';
import { openTestDatabase } from './support/backends.ts';
import { makeTestKeys, T0 } from './support/test-service.ts';
import { prepareScheme } from '../../src/server/scheme-startup.ts';

describe('issuer contact in the configuration', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cp-contact-'));
    const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256')]);
    writeFileSync(join(dir, 'root.jwk'), JSON.stringify(root.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'county.jwk'), JSON.stringify(issuer.privateJwk), { mode: 0o600 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ CP_ROOT_KEY_FILE: join(dir, 'root.jwk'), CP_ISSUERS_FILE: join(dir, 'issuers.json'), CP_SCHEME_NAME: 'County Carers Passport' });
  const write = (contact: unknown) => writeFileSync(join(dir, 'issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County Carers', cats: ['adult'], keyFile: 'county.jwk', contact }]));

  it('reads a contact and the scheme name', async () => {
    write({ phone: '0116 496 0000', hours: 'Mon-Fri 9am-5pm', web: 'https://county.example/carers' });
    const keys = await loadKeyMaterial(env());
    expect(keys.issuers[0]!.contact).toEqual({ phone: '0116 496 0000', hours: 'Mon-Fri 9am-5pm', web: 'https://county.example/carers' });
    expect(keys.schemeName).toBe('County Carers Passport');
  });

  it('a malformed contact is one line naming the file', async () => {
    write({ web: 'http://not-https.example' });
    await expect(loadKeyMaterial(env())).rejects.toThrow(`CP_ISSUERS_FILE ${join(dir, 'issuers.json')}: the contact of issuer uk.county is malformed`);
    write({ phone: 'x'.repeat(65) });
    await expect(loadKeyMaterial(env())).rejects.toThrow(/malformed/);
  });

  it('the demo issuers have a demo contact', () => {
    expect(demoKeyMaterial().issuers.every((i) => i.contact?.phone && i.contact.web?.startsWith('https://'))).toBe(true);
  });

  it('a changed contact signs the bundle again', async () => {
    const database = await openTestDatabase({ name: 'PGlite' });
    try {
      const keys = await makeTestKeys();
      const ctx = { db: database.db, keys, publicUrl: 'https://passport.example', now: () => T0, keepNames: true, statusListSize: 1024 };
      await prepareScheme(ctx, { seedDemo: false });
      const first = (await refreshTrustBundleIfDue(ctx)).seq;
      expect((await refreshTrustBundleIfDue(ctx)).seq).toBe(first);
      keys.issuers[0]!.contact = { phone: '0116 496 0999' };
      const second = await refreshTrustBundleIfDue(ctx);
      expect(second.seq).toBeGreaterThan(first);
      const loaded = await loadTrustBundle((await currentTrustBundle(ctx))!.jwt, { roots: [(await pinRoot(keys.pinned.jwk))!] });
      expect(loaded.ok && loaded.bundle.issuers.find((i) => i.iss === 'uk.test.vasl')?.contact).toEqual({ phone: '0116 496 0999' });
    } finally {
      await database.dispose();
    }
  });
});
