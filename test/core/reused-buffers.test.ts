// verifyPassport reads a numeric QR text's JWS, and decodes its payload and signature, into buffers the next scan
// reuses (no allocation a scan). That is safe only while every reader is done with the bytes before it yields: these
// tests hold the key cache to reading them before it returns, even while a key is still being imported.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  KeyCache,
  StatusListSet,
  decodeBase64url,
  jwsToNumeric,
  numericToJwsBytes,
  numericToJwsBytesReused,
  utf8,
  verifyPassport,
} from '../../src/core/index.ts';
import { NOW, asQr, makeScheme, passportClaims, passportJws, type Scheme } from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

describe('numericToJwsBytesReused', () => {
  it('gives the bytes numericToJwsBytes gives, and refuses what it refuses', () => {
    const digits = jwsToNumeric('eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.c2lnbmF0dXJl_-');
    expect([...numericToJwsBytesReused(digits)!]).toEqual([...numericToJwsBytes(digits)!]);
    for (const wrong of ['', '1', '012', '0a', '0١', '01 2', '-1']) {
      expect(numericToJwsBytesReused(wrong)).toBeUndefined();
      expect(numericToJwsBytes(wrong)).toBeUndefined();
    }
  });

  it('reuses its buffer from one call to the next; numericToJwsBytes gives bytes of their own', () => {
    const first = numericToJwsBytesReused(jwsToNumeric('aaaa.bbbb.cccc'))!;
    const own = numericToJwsBytes(jwsToNumeric('dddd.eeee.ffff'))!;
    numericToJwsBytesReused(jwsToNumeric('zzzz.yyyy.xxxx'));
    expect(new TextDecoder().decode(first)).toBe('zzzz.yyyy.xxxx');
    expect(new TextDecoder().decode(own)).toBe('dddd.eeee.ffff');
  });
});

describe('KeyCache reads the bytes before it returns', () => {
  it.each(['es', 'ed'] as const)('while the %s key is still being imported, bytes changed after the call are not read', async (which) => {
    const issuer = scheme[which];
    const jws = await passportJws(issuer);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const input = utf8(`${header}.${payload}`);
    const signatureBytes = decodeBase64url(signature)!;
    const holder = scheme.bundle.keysByKid.get(issuer.key.publicJwk.kid)!;
    const cache = new KeyCache();
    const verified = cache.verifySignature(holder.key.kty === 'EC' ? 'ES256' : 'EdDSA', holder.key, input, signatureBytes);
    input.fill(0x41);
    signatureBytes.fill(0);
    expect(await verified).toBe(true);
  });
});

describe('passports in flight together on a fresh key cache (first scans, the key still being imported)', () => {
  it.each(['es', 'ed'] as const)('a %s passport whose claims were changed is BAD_SIGNATURE, whichever is read after it', async (which) => {
    const issuer = scheme[which];
    const genuine = await passportJws(issuer, passportClaims(issuer, { name: 'Jo Carer' }));
    const other = await passportJws(issuer, passportClaims(issuer, { name: 'Al Carer' }));
    // the other passport's header and payload under the genuine one's signature: the same length, byte for byte
    const forged = `${other.slice(0, other.lastIndexOf('.'))}${genuine.slice(genuine.lastIndexOf('.'))}`;
    expect(forged.length).toBe(genuine.length);
    const context = { bundle: scheme.bundle, statusLists: new StatusListSet(), now: NOW, keyCache: new KeyCache() };
    const verdicts = await Promise.all([forged, genuine, forged, other].map((jws) => verifyPassport(asQr(jws), context)));
    expect(verdicts.map((verdict) => verdict.code)).toEqual(['BAD_SIGNATURE', 'STATUS_UNKNOWN', 'BAD_SIGNATURE', 'STATUS_UNKNOWN']);
  });
});
