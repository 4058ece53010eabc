// The issuer tools must write what spec sections 1 to 4 say, since other verifiers read their tokens.

import { calculateJwkThumbprint } from 'jose';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  jwsToQrText,
  loadTrustBundle,
  pinRoot,
  signPassport,
  signStatusList,
  signTrustBundle,
  buildTrustState,
  verifyPassport,
  type Alg,
} from '../../src/core/index.ts';
import { DAY, NOW } from './support/scheme.ts';

const part = (jws: string, index: 0 | 1) => JSON.parse(Buffer.from(jws.split('.')[index]!, 'base64url').toString('utf8'));

describe.each(['ES256', 'EdDSA'] as const)('issuer tools with %s keys', (alg: Alg) => {
  it('generateSigningKey gives a key whose kid is its RFC 7638 thumbprint, and a public part without d', async () => {
    const key = await generateSigningKey(alg);
    const { kid, ...jwk } = key.publicJwk;
    expect(kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    expect(key.privateJwk.kid).toBe(kid);
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.publicJwk).toMatchObject(alg === 'ES256' ? { kty: 'EC', crv: 'P-256' } : { kty: 'OKP', crv: 'Ed25519' });
  });

  it('a passport, a status list and a bundle carry exactly the headers and claims of the spec, and verify', async () => {
    const root = await generateSigningKey(alg);
    const issuerKey = await generateSigningKey(alg);
    const uri = 'https://status.example/lists/1';
    const passport = await signPassport(
      { iss: 'uk.example', jti: 'EX-1', name: 'Jo', cat: 'young', nbf: NOW - DAY, exp: NOW + 700 * DAY, iat: NOW - DAY, statusUri: uri, statusIdx: 9 },
      issuerKey.privateJwk,
    );
    expect(part(passport, 0)).toStrictEqual({ alg, kid: issuerKey.publicJwk.kid, typ: 'cp+jwt' });
    expect(part(passport, 1)).toStrictEqual({
      iss: 'uk.example', jti: 'EX-1', name: 'Jo', cat: 'young', nbf: NOW - DAY, exp: NOW + 700 * DAY, iat: NOW - DAY,
      status: { status_list: { idx: 9, uri } },
    });

    const statuses = new Uint8Array(16).fill(0);
    [0, 3, 4, 5, 7, 8, 9, 13, 15].forEach((i) => (statuses[i] = 1));
    const list = await signStatusList({ uri, iat: NOW - 60, bits: 1, statuses }, issuerKey.privateJwk);
    expect(part(list, 0)).toStrictEqual({ alg, kid: issuerKey.publicJwk.kid, typ: 'statuslist+jwt' });
    const listClaims = part(list, 1);
    expect(listClaims).toMatchObject({ sub: uri, iat: NOW - 60, status_list: { bits: 1 } });
    expect(listClaims.status_list.lst).toMatch(/^[A-Za-z0-9_-]+$/);
    // ZLIB (RFC 1950), least significant bit first: the IETF example's bytes
    expect([...inflateSync(Buffer.from(listClaims.status_list.lst, 'base64url'))]).toEqual([0xb9, 0xa3]);

    const bundleJwt = await signTrustBundle(
      { iss: 'scheme', iat: NOW - DAY, exp: NOW + 30 * DAY, seq: 3, issuers: [{ iss: 'uk.example', name: 'Example', cats: ['young'], keys: [issuerKey.privateJwk] }] },
      root.privateJwk,
    );
    expect(part(bundleJwt, 0)).toStrictEqual({ alg, kid: root.publicJwk.kid, typ: 'cp-trust+jwt' });
    const bundleClaims = part(bundleJwt, 1);
    expect(bundleClaims).toMatchObject({ iss: 'scheme', seq: 3, status_max_age: 604_800 });
    expect(bundleClaims.issuers[0].keys).toStrictEqual([issuerKey.publicJwk]);

    const loaded = await loadTrustBundle(bundleJwt, { roots: [(await pinRoot(root.publicJwk))!] });
    if (!loaded.ok) throw new Error(loaded.detail);
    const { statusLists } = await buildTrustState(loaded.bundle, [list]);
    expect((await verifyPassport(jwsToQrText(passport), { bundle: loaded.bundle, statusLists, now: NOW })).code).toBe('REVOKED');
  });
});
