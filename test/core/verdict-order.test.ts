// Spec section 5: one or more tests for every row of the verdict table, in order, and the precedence between rows.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, type KeyPair } from '../../src/core/index.ts';
import {
  DAY,
  NOW,
  asQr,
  bundleClaims,
  headerFor,
  loadOrThrow,
  makeScheme,
  passportClaims,
  passportJws,
  signBundle,
  signRaw,
  statusListJwt,
  statusesWith,
  verifyWith,
  type Scheme,
  type TestIssuer,
} from './support/scheme.ts';

let scheme: Scheme;
let stranger: { es: KeyPair; ed: KeyPair };
beforeAll(async () => {
  scheme = await makeScheme();
  stranger = { es: await generateSigningKey('ES256'), ed: await generateSigningKey('EdDSA') };
});

/** Flips one character of the signature part, keeping it base64url. */
function tamperSignature(jws: string): string {
  const last = jws.at(-2) === 'A' ? 'B' : 'A';
  return `${jws.slice(0, -2)}${last}${jws.at(-1)}`;
}

/** Re-uses a good signature over a different payload (the claims were changed after signing). */
function swapPayload(jws: string, claims: object): string {
  const [header, , signature] = jws.split('.');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

describe.each(['es', 'ed'] as const)('verdict table rows in order, %s issuer', (which) => {
  const issuer = (): TestIssuer => scheme[which];
  const strangerKey = (): KeyPair => stranger[which];
  const list = (values: Record<number, number>, options = {}) =>
    statusListJwt(issuer(), { bits: 2, statuses: statusesWith(131_072, values), ...options });

  it('row 1: text that is neither CP1:/ nor a bare JWS is NOT_A_PASSPORT', async () => {
    expect(await verifyWith(scheme, 'https://example.org/carers')).toEqual({ result: 'invalid', code: 'NOT_A_PASSPORT' });
  });

  it('row 2: a header that breaks the rules is MALFORMED', async () => {
    const jws = await passportJws(issuer(), undefined, headerFor(issuer().key, 'cp+jwt', { alg: 'none' }));
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'MALFORMED' });
  });

  it('row 2 comes before row 3: a bad header with an unknown kid is MALFORMED', async () => {
    const jws = await signRaw(headerFor(strangerKey(), 'cp+jwt', { jku: 'https://evil.example/keys' }), passportClaims(issuer()), strangerKey().privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('MALFORMED');
  });

  it('row 3: a kid that no issuer in the bundle holds is UNTRUSTED_ISSUER', async () => {
    const jws = await signRaw(headerFor(strangerKey(), 'cp+jwt'), passportClaims(issuer()), strangerKey().privateJwk);
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'UNTRUSTED_ISSUER' });
  });

  it('row 3 comes before row 4: a bad signature under an unknown kid is UNTRUSTED_ISSUER', async () => {
    const jws = await signRaw(headerFor(strangerKey(), 'cp+jwt'), passportClaims(issuer()), strangerKey().privateJwk);
    expect((await verifyWith(scheme, tamperSignature(jws))).code).toBe('UNTRUSTED_ISSUER');
  });

  it('row 3 comes before row 5: an unknown kid over claims that are not even JSON is UNTRUSTED_ISSUER', async () => {
    const jws = await signRaw(headerFor(strangerKey(), 'cp+jwt'), 'not json at all', strangerKey().privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('UNTRUSTED_ISSUER');
  });

  it('row 4: a changed signature is BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer());
    expect(await verifyWith(scheme, asQr(tamperSignature(jws)))).toEqual({ result: 'invalid', code: 'BAD_SIGNATURE' });
  });

  it('row 4: a signature cut off, one byte short, one byte long or zeroed is BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer());
    const head = jws.slice(0, jws.lastIndexOf('.') + 1);
    const signature = Buffer.from(jws.slice(head.length), 'base64url');
    for (const bytes of [Buffer.alloc(0), signature.subarray(1), Buffer.concat([signature, Buffer.of(0)]), Buffer.alloc(64)]) {
      expect((await verifyWith(scheme, head + bytes.toString('base64url'))).code).toBe('BAD_SIGNATURE');
    }
  });

  it('row 4: a signature re-encoded with non-zero unused bits in its last character is BAD_SIGNATURE, not VALID', async () => {
    // 64 signature bytes fill 86 characters with 4 unused bits; an altered signature string never verifies, like any
    // other tampering with the signature (RFC 4648 3.5 lets a decoder refuse non-canonical text)
    const jws = await passportJws(issuer());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(jws.at(-1)!);
    expect(last % 16).toBe(0);
    const reencoded = jws.slice(0, -1) + alphabet[last + 1];
    expect(Buffer.from(reencoded.split('.')[2]!, 'base64url')).toEqual(Buffer.from(jws.split('.')[2]!, 'base64url'));
    expect((await verifyWith(scheme, reencoded)).code).toBe('BAD_SIGNATURE');
    expect((await verifyWith(scheme, asQr(reencoded))).code).toBe('BAD_SIGNATURE');
  });

  it('row 4: a payload re-encoded with non-zero unused bits in its last character is BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer());
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const unusedBits = [0, 0, 4, 2][payload.length % 4]!;
    expect(unusedBits).toBeGreaterThan(0); // this test's passport leaves unused bits to alter
    const last = alphabet.indexOf(payload.at(-1)!);
    const reencoded = `${header}.${payload.slice(0, -1)}${alphabet[last + 1]}.${signature}`;
    expect((await verifyWith(scheme, reencoded)).code).toBe('BAD_SIGNATURE');
  });

  it('row 4: claims changed after signing (a new name) are BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer());
    const forged = swapPayload(jws, passportClaims(issuer(), { name: 'Someone Else' }));
    expect((await verifyWith(scheme, forged)).code).toBe('BAD_SIGNATURE');
  });

  it('row 4: a passport signed by another trusted issuer\'s key but naming this one\'s kid is BAD_SIGNATURE', async () => {
    const other = which === 'es' ? scheme.ed : scheme.es;
    const jws = await signRaw(headerFor(issuer().key, 'cp+jwt', { alg: which === 'es' ? 'ES256' : 'EdDSA' }), passportClaims(issuer()), other.key.privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('BAD_SIGNATURE');
  });

  it('row 4 comes before row 5: a bad signature over a payload that is not JSON is BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer(), 'not json at all');
    expect((await verifyWith(scheme, tamperSignature(jws))).code).toBe('BAD_SIGNATURE');
  });

  it('row 4 comes before rows 7 and 8: an expired passport with a bad signature is BAD_SIGNATURE', async () => {
    const jws = await passportJws(issuer(), passportClaims(issuer(), { nbf: NOW - 900 * DAY, exp: NOW - 10 * DAY }));
    expect((await verifyWith(scheme, tamperSignature(jws))).code).toBe('BAD_SIGNATURE');
  });

  it('row 5: a well-signed payload that is not JSON is MALFORMED', async () => {
    const jws = await passportJws(issuer(), 'not json at all');
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'MALFORMED' });
  });

  it('row 5: a well-signed payload that is JSON but not an object is MALFORMED', async () => {
    for (const payload of ['[1,2]', 'null', '"CP-1"', '42']) {
      expect((await verifyWith(scheme, await passportJws(issuer(), payload))).code).toBe('MALFORMED');
    }
  });

  it('row 5 comes before row 6: missing claims with a wrong iss are MALFORMED', async () => {
    const jws = await passportJws(issuer(), passportClaims(issuer(), { iss: 'somebody.else', jti: undefined }));
    expect((await verifyWith(scheme, jws)).code).toBe('MALFORMED');
  });

  it('row 6: an iss that is not the holder of the kid is UNTRUSTED_ISSUER', async () => {
    const other = which === 'es' ? scheme.ed : scheme.es;
    const jws = await passportJws(issuer(), passportClaims(issuer(), { iss: other.iss }));
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'UNTRUSTED_ISSUER' });
  });

  it('row 6 comes before row 8: a wrong category on an expired passport is UNTRUSTED_ISSUER', async () => {
    const jws = await passportJws(issuer(), passportClaims(issuer(), { cat: 'young', nbf: NOW - 900 * DAY, exp: NOW - 10 * DAY }));
    expect((await verifyWith(scheme, jws)).code).toBe('UNTRUSTED_ISSUER');
  });

  it('row 7: a passport that starts later is NOT_YET_VALID, even when the list also revokes it', async () => {
    const jws = await passportJws(issuer(), passportClaims(issuer(), { nbf: NOW + 10 * DAY, exp: NOW + 700 * DAY }));
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'NOT_YET_VALID' });
    expect((await verifyWith(scheme, jws, { lists: [await list({ 5: 1 })] })).code).toBe('NOT_YET_VALID');
  });

  it('row 8: a passport past its exp is EXPIRED, even when the list also revokes it', async () => {
    const jws = await passportJws(issuer(), passportClaims(issuer(), { nbf: NOW - 900 * DAY, exp: NOW - 10 * DAY }));
    expect(await verifyWith(scheme, asQr(jws))).toEqual({ result: 'invalid', code: 'EXPIRED' });
    expect((await verifyWith(scheme, jws, { lists: [await list({ 5: 1 })] })).code).toBe('EXPIRED');
  });

  it('row 9: a revoked index is REVOKED', async () => {
    const jws = await passportJws(issuer());
    expect(await verifyWith(scheme, asQr(jws), { lists: [await list({ 5: 1 })] })).toEqual({ result: 'invalid', code: 'REVOKED' });
  });

  it('row 9: a stale list still revokes, and a stale bundle does not soften it', async () => {
    const jws = await passportJws(issuer());
    const stale = await list({ 5: 1 }, { iat: NOW - 60 * DAY });
    expect((await verifyWith(scheme, jws, { lists: [stale] })).code).toBe('REVOKED');
    const staleBundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp: NOW - DAY }), scheme.root), scheme.roots);
    expect((await verifyWith(scheme, jws, { lists: [stale], bundle: staleBundle })).code).toBe('REVOKED');
  });

  it('row 10: a suspended index is SUSPENDED, stale list or not', async () => {
    const jws = await passportJws(issuer());
    expect(await verifyWith(scheme, asQr(jws), { lists: [await list({ 5: 2 })] })).toEqual({ result: 'invalid', code: 'SUSPENDED' });
    expect((await verifyWith(scheme, jws, { lists: [await list({ 5: 2 }, { iat: NOW - 60 * DAY })] })).code).toBe('SUSPENDED');
  });

  it('row 11: with no list for the uri the verdict is the warning STATUS_UNKNOWN, and the passport is shown', async () => {
    const jws = await passportJws(issuer());
    const verdict = await verifyWith(scheme, asQr(jws));
    expect(verdict.result).toBe('warning');
    expect(verdict.code).toBe('STATUS_UNKNOWN');
  });

  it('row 11 comes before row 13: no list and a stale bundle is STATUS_UNKNOWN', async () => {
    const staleBundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp: NOW - DAY }), scheme.root), scheme.roots);
    expect((await verifyWith(scheme, await passportJws(issuer()), { bundle: staleBundle })).code).toBe('STATUS_UNKNOWN');
  });

  it('row 12: a list older than status_max_age gives the warning STATUS_STALE', async () => {
    const jws = await passportJws(issuer());
    const verdict = await verifyWith(scheme, asQr(jws), { lists: [await list({ 4: 1, 6: 2 }, { iat: NOW - 8 * DAY })] });
    expect([verdict.result, verdict.code]).toEqual(['warning', 'STATUS_STALE']);
  });

  it('row 12 comes before row 13: a stale list and a stale bundle is STATUS_STALE', async () => {
    const staleBundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp: NOW - DAY }), scheme.root), scheme.roots);
    const verdict = await verifyWith(scheme, await passportJws(issuer()), { lists: [await list({}, { iat: NOW - 8 * DAY })], bundle: staleBundle });
    expect(verdict.code).toBe('STATUS_STALE');
  });

  it('row 13: a bundle past its exp turns VALID into the warning TRUST_STALE', async () => {
    const staleBundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp: NOW - 1 }), scheme.root), scheme.roots);
    const verdict = await verifyWith(scheme, asQr(await passportJws(issuer())), { lists: [await list({})], bundle: staleBundle });
    expect([verdict.result, verdict.code]).toEqual(['warning', 'TRUST_STALE']);
  });

  it('all rows passed: VALID, from the QR text and from the bare JWS alike', async () => {
    const jws = await passportJws(issuer());
    const lists = [await list({ 4: 1, 6: 2 })];
    expect((await verifyWith(scheme, asQr(jws), { lists })).code).toBe('VALID');
    expect((await verifyWith(scheme, jws, { lists })).code).toBe('VALID');
  });
});
