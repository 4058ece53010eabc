// Spec section 3: what makes a trust bundle rejected whole, rotation of roots, rollback, defaults and staleness.

import { calculateJwkThumbprint } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, loadTrustBundle, type KeyPair, type PinnedRoot } from '../../src/core/index.ts';
import {
  DAY,
  NOW,
  bundleClaims,
  headerFor,
  issuerEntry,
  loadOrThrow,
  makeScheme,
  passportJws,
  pin,
  signBundle,
  statusListJwt,
  verifyWith,
  type Json,
  type Scheme,
} from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

const load = (jwt: string, roots: PinnedRoot[] = scheme.roots, heldSeq?: number) =>
  loadTrustBundle(jwt, heldSeq === undefined ? { roots } : { roots, heldSeq });

/** A bundle whose ES issuer carries exactly the given key entries. */
const withEsKeys = (keys: Json[]) =>
  signBundle(bundleClaims([], { issuers: [issuerEntry(scheme.es, keys), issuerEntry(scheme.ed)] }), scheme.root);

async function exportedPublic(algorithm: RsaHashedKeyGenParams | EcKeyGenParams | { name: string }): Promise<Json> {
  const usages: KeyUsage[] = algorithm.name === 'X25519' ? ['deriveBits'] : ['sign', 'verify'];
  const pair = (await crypto.subtle.generateKey(algorithm, true, usages)) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as Json;
  delete jwk.key_ops;
  delete jwk.ext;
  return { ...jwk, kid: await calculateJwkThumbprint(jwk as never) };
}

describe('accepted bundles', () => {
  it('a bundle signed by the pinned root loads, with its issuers, keys and display names', async () => {
    const loaded = await load(scheme.bundleJwt);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.bundle.seq).toBe(7);
    expect(loaded.bundle.issuers.map((i) => [i.iss, i.name])).toEqual([
      [scheme.es.iss, scheme.es.name],
      [scheme.ed.iss, scheme.ed.name],
    ]);
  });

  it('two pinned roots (rotation): a bundle signed by either is accepted, including an EdDSA root', async () => {
    const next = await generateSigningKey('EdDSA');
    const roots = [...scheme.roots, await pin(next)];
    expect((await load(scheme.bundleJwt, roots)).ok).toBe(true);
    const byNext = await signBundle(bundleClaims([scheme.es, scheme.ed]), next);
    expect((await load(byNext, roots)).ok).toBe(true);
    expect((await load(byNext, scheme.roots)).ok).toBe(false);
  });

  it('keys may carry other public members (alg, use) beside their kid', async () => {
    const key = { ...scheme.es.key.publicJwk, alg: 'ES256', use: 'sig' };
    expect((await load(await withEsKeys([key]))).ok).toBe(true);
  });

  it('status_max_age defaults to 604800 when absent', async () => {
    const claims = bundleClaims([scheme.es, scheme.ed]);
    delete claims.status_max_age;
    const bundle = await loadOrThrow(await signBundle(claims, scheme.root), scheme.roots);
    expect(bundle.statusMaxAge).toBe(604_800);
    expect((await verifyWith(scheme, await passportJws(scheme.es), { bundle, lists: [await statusListJwt(scheme.es, { iat: NOW - 604_800 })] })).code).toBe('VALID');
    expect((await verifyWith(scheme, await passportJws(scheme.es), { bundle, lists: [await statusListJwt(scheme.es, { iat: NOW - 604_801 })] })).code).toBe('STATUS_STALE');
  });
});

describe('bundles rejected whole', () => {
  it('a bundle whose signature fails', async () => {
    const jwt = scheme.bundleJwt;
    const broken = `${jwt.slice(0, -2)}${jwt.at(-2) === 'A' ? 'B' : 'A'}${jwt.at(-1)}`;
    expect(await load(broken)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a bundle signed by a key that is not pinned, even one of the trusted issuers', async () => {
    const stranger = await generateSigningKey('ES256');
    expect(await load(await signBundle(bundleClaims([scheme.es, scheme.ed]), stranger))).toMatchObject({ ok: false, reason: 'unpinned-root' });
    expect((await load(await signBundle(bundleClaims([scheme.es, scheme.ed]), scheme.es.key))).ok).toBe(false);
  });

  it('a bundle whose header breaks the rules of section 1 (typ, alg, jwk, alg/key mismatch)', async () => {
    const claims = bundleClaims([scheme.es, scheme.ed]);
    for (const header of [
      headerFor(scheme.root, 'cp+jwt'),
      headerFor(scheme.root, 'cp-trust+jwt', { alg: 'none' }),
      headerFor(scheme.root, 'cp-trust+jwt', { jwk: scheme.root.publicJwk }),
      headerFor(scheme.root, 'cp-trust+jwt', { alg: 'EdDSA' }),
    ]) {
      expect((await load(await signBundle(claims, scheme.root, header))).ok, JSON.stringify(header)).toBe(false);
    }
    expect((await load(await signBundle(claims, scheme.root, headerFor(scheme.root, 'application/CP-TRUST+JWT')))).ok).toBe(true);
  });

  it('a key with private members (d)', async () => {
    expect(await load(await withEsKeys([scheme.es.key.privateJwk]))).toMatchObject({ ok: false, reason: 'private-key' });
    expect((await load(await withEsKeys([{ ...scheme.es.key.publicJwk, d: '' }]))).ok).toBe(false);
    expect((await load(await withEsKeys([scheme.es.key.publicJwk, scheme.ed.key.privateJwk]))).ok).toBe(false);
  });

  it.each([
    ['RSA', { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }],
    ['EC P-384', { name: 'ECDSA', namedCurve: 'P-384' }],
    ['OKP X25519', { name: 'X25519' }],
  ])('a key of another type: %s', async (_label, algorithm) => {
    const other = await exportedPublic(algorithm as EcKeyGenParams);
    expect((await load(await withEsKeys([scheme.es.key.publicJwk, other]))).ok).toBe(false);
  });

  it('a key without a kid', async () => {
    const { kid: _kid, ...noKid } = scheme.es.key.publicJwk;
    expect((await load(await withEsKeys([noKid]))).ok).toBe(false);
    expect((await load(await withEsKeys([{ ...noKid, kid: 7 }]))).ok).toBe(false);
  });

  it('a kid that is not its own thumbprint', async () => {
    const kid = scheme.es.key.publicJwk.kid;
    expect(await load(await withEsKeys([{ ...scheme.es.key.publicJwk, kid: scheme.ed.key.publicJwk.kid }]))).toMatchObject({ ok: false, reason: 'kid-mismatch' });
    expect((await load(await withEsKeys([{ ...scheme.es.key.publicJwk, kid: kid.toLowerCase() === kid ? kid.toUpperCase() : kid.toLowerCase() }]))).ok).toBe(false);
    expect((await load(await withEsKeys([{ ...scheme.es.key.publicJwk, kid: `${kid}=` }]))).ok).toBe(false);
  });

  it('a kid that appears twice, across issuers or within one', async () => {
    const twice = bundleClaims([], { issuers: [issuerEntry(scheme.es), issuerEntry(scheme.ed, [scheme.ed.key.publicJwk, scheme.es.key.publicJwk])] });
    expect(await load(await signBundle(twice, scheme.root))).toMatchObject({ ok: false, reason: 'duplicate-kid' });
    expect(await load(await withEsKeys([scheme.es.key.publicJwk, scheme.es.key.publicJwk]))).toMatchObject({ ok: false, reason: 'duplicate-kid' });
  });

  it('rollback: a lower seq than the held one is rejected; the same or a higher seq is not', async () => {
    expect(await load(scheme.bundleJwt, scheme.roots, 8)).toMatchObject({ ok: false, reason: 'rollback' });
    expect((await load(scheme.bundleJwt, scheme.roots, 7)).ok).toBe(true);
    expect((await load(scheme.bundleJwt, scheme.roots, 6)).ok).toBe(true);
    expect((await load(scheme.bundleJwt, scheme.roots, 0)).ok).toBe(true);
  });
});

describe('using the bundle', () => {
  it('past its exp it is still used, as TRUST_STALE; at exactly exp it is not past (no skew)', async () => {
    const lists = [await statusListJwt(scheme.es)];
    const at = async (exp: number) => {
      const bundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp }), scheme.root), scheme.roots);
      return (await verifyWith(scheme, await passportJws(scheme.es), { bundle, lists })).code;
    };
    expect(await at(NOW)).toBe('VALID');
    expect(await at(NOW - 1)).toBe('TRUST_STALE');
    expect(await at(NOW - 365 * DAY)).toBe('TRUST_STALE');
  });

  it('a key removed from the bundle makes its passports UNTRUSTED_ISSUER and its lists unusable; kept keys still work', async () => {
    const old: KeyPair = scheme.es.key;
    const current = await generateSigningKey('ES256');
    const both = await loadOrThrow(await withEsKeys([current.publicJwk, old.publicJwk]), scheme.roots);
    const onlyCurrent = await loadOrThrow(await withEsKeys([current.publicJwk]), scheme.roots);
    const oldPassport = await passportJws(scheme.es);
    const oldList = await statusListJwt(scheme.es);
    const newPassport = await passportJws({ ...scheme.es, key: current });
    expect((await verifyWith(scheme, oldPassport, { bundle: both, lists: [oldList] })).code).toBe('VALID');
    expect((await verifyWith(scheme, newPassport, { bundle: both, lists: [oldList] })).code).toBe('VALID');
    expect((await verifyWith(scheme, oldPassport, { bundle: onlyCurrent, lists: [oldList] })).code).toBe('UNTRUSTED_ISSUER');
    expect((await verifyWith(scheme, newPassport, { bundle: onlyCurrent, lists: [oldList] })).code).toBe('STATUS_UNKNOWN');
  });
});
