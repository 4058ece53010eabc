// A real scheme's keys come from files named by env vars; without them the service runs the demo scheme.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src/core/index.ts';
import { DEMO_SCHEME_ID } from '../../src/demo/demo-scheme.ts';
import { loadKeyMaterial } from '../../src/server/keys/key-material.ts';

describe('scheme key material', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the demo keys when CP_ROOT_KEY_FILE is not set', async () => {
    const material = await loadKeyMaterial({});
    expect(material).toMatchObject({ demo: true, schemeId: DEMO_SCHEME_ID });
    expect(material.issuers.map((i) => i.iss)).toEqual(['uk.llr.vasl', 'uk.llr.young-carers']);
  });

  it('reads the root and each issuer key from files, with key paths relative to the issuers file', async () => {
    const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('EdDSA')]);
    writeFileSync(join(dir, 'root.jwk'), JSON.stringify(root.privateJwk));
    writeFileSync(join(dir, 'county.jwk'), JSON.stringify(issuer.privateJwk));
    writeFileSync(join(dir, 'issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County Carers', cats: ['adult', 'parent'], keyFile: 'county.jwk' }]));
    const material = await loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'root.jwk'), CP_ISSUERS_FILE: join(dir, 'issuers.json'), CP_SCHEME_ID: 'county-scheme' });
    expect(material.demo).toBe(false);
    expect(material.schemeId).toBe('county-scheme');
    expect(material.root.kid).toBe(root.privateJwk.kid);
    expect(material.issuers).toEqual([{ iss: 'uk.county', name: 'County Carers', cats: ['adult', 'parent'], key: issuer.privateJwk }]);
  });

  it('says what is wrong with a public key given as the root, or a missing issuers file', async () => {
    const root = await generateSigningKey('ES256');
    writeFileSync(join(dir, 'public.jwk'), JSON.stringify(root.publicJwk));
    writeFileSync(join(dir, 'root2.jwk'), JSON.stringify(root.privateJwk));
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'public.jwk') })).rejects.toThrow(/is not a private P-256 or Ed25519 JWK/);
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'root2.jwk') })).rejects.toThrow(/CP_ISSUERS_FILE is not/);
  });
});
