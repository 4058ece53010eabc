// A real scheme's keys come from files named by env vars (without them, the demo's keys: which only a fresh or demo
// database accepts, test/server/scheme-lock-in.test.ts). Key files: 0600 or a warning; errors never quote them.

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src/core/index.ts';
import { DEMO_ISSUERS, DEMO_ROOT_PRIVATE, DEMO_SCHEME_ID } from '../../src/demo/demo-scheme.ts';
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
    writeFileSync(join(dir, 'root.jwk'), JSON.stringify(root.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'county.jwk'), JSON.stringify(issuer.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County Carers', cats: ['adult', 'parent'], keyFile: 'county.jwk' }]));
    const warnings: string[] = [];
    const material = await loadKeyMaterial(
      { CP_ROOT_KEY_FILE: join(dir, 'root.jwk'), CP_ISSUERS_FILE: join(dir, 'issuers.json'), CP_SCHEME_ID: 'county-scheme' },
      { warn: (line) => warnings.push(line) },
    );
    expect(warnings).toEqual([]);
    expect(material.demo).toBe(false);
    expect(material.schemeId).toBe('county-scheme');
    expect(material.root.kid).toBe(root.privateJwk.kid);
    expect(material.issuers).toEqual([{ iss: 'uk.county', name: 'County Carers', cats: ['adult', 'parent'], key: issuer.privateJwk }]);
  });

  it('refuses the demo keys as a real scheme\'s: their private parts are published with the project', async () => {
    const own = await generateSigningKey('ES256');
    writeFileSync(join(dir, 'demo-root.jwk'), JSON.stringify(DEMO_ROOT_PRIVATE), { mode: 0o600 });
    writeFileSync(join(dir, 'own-root.jwk'), JSON.stringify(own.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'demo-issuer.jwk'), JSON.stringify(DEMO_ISSUERS[0]!.key), { mode: 0o600 });
    writeFileSync(join(dir, 'demo-issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County Carers', cats: ['adult'], keyFile: 'demo-issuer.jwk' }]));
    const quiet = { warn: () => {} };
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'demo-root.jwk'), CP_ISSUERS_FILE: join(dir, 'demo-issuers.json') }, quiet)).rejects.toThrow(/is the DEMO root key/);
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'own-root.jwk'), CP_ISSUERS_FILE: join(dir, 'demo-issuers.json') }, quiet)).rejects.toThrow(/is a DEMO key/);
  });

  it('says what is wrong with a public key given as the root, or a missing issuers file', async () => {
    const root = await generateSigningKey('ES256');
    writeFileSync(join(dir, 'public.jwk'), JSON.stringify(root.publicJwk));
    writeFileSync(join(dir, 'root2.jwk'), JSON.stringify(root.privateJwk));
    const quiet = { warn: () => {} };
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'public.jwk') }, quiet)).rejects.toThrow(/is not a private P-256 or Ed25519 JWK/);
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'root2.jwk') }, quiet)).rejects.toThrow(/CP_ISSUERS_FILE is not/);
  });

  it('warns, naming the file, when a private key file can be read by other users', async () => {
    const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256')]);
    writeFileSync(join(dir, 'loose-root.jwk'), JSON.stringify(root.privateJwk));
    chmodSync(join(dir, 'loose-root.jwk'), 0o644);
    writeFileSync(join(dir, 'loose-issuer.jwk'), JSON.stringify(issuer.privateJwk));
    chmodSync(join(dir, 'loose-issuer.jwk'), 0o640);
    writeFileSync(join(dir, 'loose-issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County', cats: ['adult'], keyFile: 'loose-issuer.jwk' }]));
    const warnings: string[] = [];
    const material = await loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'loose-root.jwk'), CP_ISSUERS_FILE: join(dir, 'loose-issuers.json') }, { warn: (line) => warnings.push(line) });
    expect(material.demo).toBe(false);
    expect(warnings).toEqual([
      `Warning: the private key file ${join(dir, 'loose-root.jwk')} (CP_ROOT_KEY_FILE) can be read by other users (mode 0644): chmod 600 ${join(dir, 'loose-root.jwk')}`,
      `Warning: the private key file ${join(dir, 'loose-issuer.jwk')} (the key file of issuer uk.county) can be read by other users (mode 0640): chmod 600 ${join(dir, 'loose-issuer.jwk')}`,
    ]);
  });

  it('names the file and the problem of a broken key file, never its content', async () => {
    const root = await generateSigningKey('ES256');
    const secret = String(root.privateJwk.d);
    // JSON.parse's message quotes the text near the fault: here, the private key
    writeFileSync(join(dir, 'broken.jwk'), JSON.stringify(root.privateJwk).replace(`"d":"${secret}"`, `"d":"${secret}`), { mode: 0o600 });
    const broken = loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'broken.jwk') }, { warn: () => {} });
    await expect(broken).rejects.toThrow(`CP_ROOT_KEY_FILE: ${join(dir, 'broken.jwk')} is not valid JSON`);
    const message = await broken.catch((error: Error) => error.message);
    expect(message).not.toContain(secret.slice(0, 8));
    await expect(loadKeyMaterial({ CP_ROOT_KEY_FILE: join(dir, 'absent.jwk') })).rejects.toThrow(`CP_ROOT_KEY_FILE: cannot read ${join(dir, 'absent.jwk')}: there is no such file`);
  });
});
