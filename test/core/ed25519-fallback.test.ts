// Browsers without WebCrypto Ed25519 verify EdDSA with @noble/curves (toolchain.md). That path must give the same
// answers as WebCrypto: spec section 1 says Ed25519, i.e. RFC 8032, which refuses a non-canonical R encoding.
// Here WebCrypto's importKey refuses Ed25519 public keys, as such a browser's does (the test's own signing still works), so KeyCache takes the fallback.

import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyCache, decodeBase64url, encodeBase64url, utf8 } from '../../src/core/index.ts';
import { headerFor, makeScheme, passportClaims, passportJws, type Scheme } from './support/scheme.ts';

const importKey = crypto.subtle.importKey.bind(crypto.subtle);
vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((format: string, keyData: JsonWebKey, algorithm: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
  const verifyingEd25519 = format === 'jwk' && keyData.kty === 'OKP' && usages.includes('verify');
  if (verifyingEd25519) return Promise.reject(new Error('this browser has no Ed25519'));
  return importKey(format as 'jwk', keyData, algorithm, extractable, usages);
}) as unknown as SubtleCrypto['importKey']);

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

const L = ed25519.Point.Fn.ORDER;
const fromLe = (bytes: Uint8Array) => bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n);
function toLe(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 255n);
  return out;
}

/** Signs with R = the identity point (nonce 0), encoded as given: S = H(R || A || M) * a mod L. */
function signWithIdentityR(seed: Uint8Array, message: Uint8Array, rBytes: Uint8Array): Uint8Array {
  const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  const k = fromLe(sha512(Uint8Array.from([...rBytes, ...pointBytes, ...message]))) % L;
  return Uint8Array.from([...rBytes, ...toLe((k * scalar) % L)]);
}

const CANONICAL_IDENTITY = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0)); // y = 1
const NON_CANONICAL_IDENTITY = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 0xee : i === 31 ? 0x7f : 0xff)); // y = p + 1

describe('EdDSA through the @noble/curves fallback', () => {
  const verify = async (compact: string) => {
    const [h, p, s] = compact.split('.') as [string, string, string];
    const key = scheme.ed.key.publicJwk;
    return new KeyCache().verify('EdDSA', key, compact, utf8(`${h}.${p}`), decodeBase64url(s)!);
  };
  const withSignature = (compact: string, signature: Uint8Array) => `${compact.slice(0, compact.lastIndexOf('.'))}.${encodeBase64url(signature)}`;
  const forged = async (rBytes: Uint8Array) => {
    const compact = await passportJws(scheme.ed, passportClaims(scheme.ed), headerFor(scheme.ed.key, 'cp+jwt'));
    const signingInput = utf8(compact.slice(0, compact.lastIndexOf('.')));
    return withSignature(compact, signWithIdentityR(decodeBase64url(scheme.ed.key.privateJwk.d)!, signingInput, rBytes));
  };

  it('accepts a good signature and refuses a changed one', async () => {
    const compact = await passportJws(scheme.ed);
    expect(await verify(compact)).toBe(true);
    const signature = decodeBase64url(compact.split('.')[2]!)!;
    signature[10]! ^= 1;
    expect(await verify(withSignature(compact, signature))).toBe(false);
  });

  it('accepts the canonical encoding of a (legal, if odd) R, as WebCrypto does', async () => {
    expect(await verify(await forged(CANONICAL_IDENTITY))).toBe(true);
  });

  it('refuses a non-canonical R encoding (y >= p), as RFC 8032 and WebCrypto do', async () => {
    const compact = await forged(NON_CANONICAL_IDENTITY);
    const [h, p, s] = compact.split('.') as [string, string, string];
    const webCryptoKey = await importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: scheme.ed.key.publicJwk.x }, { name: 'Ed25519' }, false, ['verify']);
    expect(await crypto.subtle.verify('Ed25519', webCryptoKey, decodeBase64url(s)! as Uint8Array<ArrayBuffer>, utf8(`${h}.${p}`) as Uint8Array<ArrayBuffer>)).toBe(false);
    expect(await verify(compact)).toBe(false);
  });
});
