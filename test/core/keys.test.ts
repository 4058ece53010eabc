// The verifier's keys go through WebCrypto directly (src/core/keys.ts): its RFC 7638 thumbprints must be exactly
// jose's and the RFCs' own, and its key import must accept what readPublicJwk accepts and verify what jose signs.

import { calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyCache, decodeBase64url, readPublicJwk, thumbprint, utf8, type PublicJwk } from '../../src/core/index.ts';
import { importPublicKey } from '../../src/core/keys.ts';

async function publicJwkOf(alg: 'ES256' | 'Ed25519'): Promise<{ jwk: PublicJwk; privateKey: CryptoKey }> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const read = readPublicJwk(await exportJWK(publicKey));
  if (!read.ok) throw new Error(read.problem);
  return { jwk: read.jwk, privateKey };
}

describe('thumbprint', () => {
  it('is the RFC 8037 appendix A.3 thumbprint of its Ed25519 key', async () => {
    const jwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(await thumbprint(jwk)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('equals jose calculateJwkThumbprint for 20 fresh P-256 and Ed25519 keys, whatever else the JWK holds', async () => {
    for (let i = 0; i < 10; i++) {
      for (const alg of ['ES256', 'Ed25519'] as const) {
        const { jwk } = await publicJwkOf(alg);
        const withKid = { ...jwk, kid: 'anything' };
        expect(await thumbprint(withKid)).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
      }
    }
  });
});

describe('importPublicKey and KeyCache', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`verifies a ${alg} signature made by jose, and refuses it after one byte changes`, async () => {
      const { jwk, privateKey } = await publicJwkOf(alg === 'ES256' ? 'ES256' : 'Ed25519');
      const kid = await thumbprint(jwk);
      const jws = await new CompactSign(utf8('a passport')).setProtectedHeader({ alg, kid }).sign(privateKey);
      const [header, payload, signature] = jws.split('.') as [string, string, string];
      const input = utf8(`${header}.${payload}`);
      const cache = new KeyCache();
      expect(await cache.verify(alg, { ...jwk, kid }, jws, input, decodeBase64url(signature)!)).toBe(true);
      const tampered = decodeBase64url(signature)!;
      tampered[5]! ^= 1;
      expect(await cache.verify(alg, { ...jwk, kid }, jws, input, tampered)).toBe(false);
    });
  }

  it('refuses a P-256 point that is not on the curve (the key verifies nothing)', async () => {
    const { jwk } = await publicJwkOf('ES256');
    if (jwk.kty !== 'EC') throw new Error('not EC');
    const off = { ...jwk, y: jwk.x };
    await expect(importPublicKey(off)).rejects.toBeDefined();
    const cache = new KeyCache();
    expect(await cache.verify('ES256', { ...off, kid: 'k' }, 'a.b.c', utf8('a.b'), new Uint8Array(64))).toBe(false);
  });
});
