// Spec section 5: a valid or warning verdict carries the passport as exactly {iss, issuer, jti, name, cat, nbf, exp};
// an invalid verdict carries none.

import { beforeAll, describe, expect, it } from 'vitest';
import { DAY, NOW, bundleClaims, loadOrThrow, makeScheme, passportClaims, passportJws, signBundle, statusListJwt, statusesWith, verifyWith, type Scheme, type VerifyOptions } from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

describe.each(['es', 'ed'] as const)('the passport in a verdict, %s issuer', (which) => {
  const issuer = () => scheme[which];
  const claims = () =>
    passportClaims(issuer(), { jti: 'LLR-2026-0042', name: 'Ana María 😀', cat: 'parent', nbf: NOW - 10 * DAY, exp: NOW + 1000 * DAY, iat: NOW - 11 * DAY, note: 'unknown claim' });
  const expected = () => ({
    iss: issuer().iss,
    issuer: issuer().name,
    jti: 'LLR-2026-0042',
    name: 'Ana María 😀',
    cat: 'parent',
    nbf: NOW - 10 * DAY,
    exp: NOW + 1000 * DAY,
  });

  it('VALID carries exactly the seven fields, issuer being the display name from the bundle', async () => {
    const verdict = await verifyWith(scheme, await passportJws(issuer(), claims()), { lists: [await statusListJwt(issuer())] });
    expect(verdict).toStrictEqual({ result: 'valid', code: 'VALID', passport: expected() });
  });

  it('each warning carries the same passport', async () => {
    const jws = await passportJws(issuer(), claims());
    const staleBundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { exp: NOW - DAY }), scheme.root), scheme.roots);
    const cases: [string, VerifyOptions][] = [
      ['STATUS_UNKNOWN', {}],
      ['STATUS_STALE', { lists: [await statusListJwt(issuer(), { iat: NOW - 30 * DAY })] }],
      ['TRUST_STALE', { lists: [await statusListJwt(issuer())], bundle: staleBundle }],
    ];
    for (const [code, options] of cases) {
      expect(await verifyWith(scheme, jws, options)).toStrictEqual({ result: 'warning', code, passport: expected() });
    }
  });

  it('invalid verdicts carry no passport, even when the claims were read', async () => {
    const revoked = await verifyWith(scheme, await passportJws(issuer(), claims()), {
      lists: [await statusListJwt(issuer(), { statuses: statusesWith(131_072, { 5: 1 }) })],
    });
    expect(revoked).toStrictEqual({ result: 'invalid', code: 'REVOKED' });
    const expired = await verifyWith(scheme, await passportJws(issuer(), claims()), { now: NOW + 2000 * DAY });
    expect(expired).toStrictEqual({ result: 'invalid', code: 'EXPIRED' });
    expect(Object.keys(expired)).toEqual(['result', 'code']);
  });
});
