// Spec section 5 rows 6 to 8: the issuer that holds the kid, its categories, and nbf/exp with the 300 s skew.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  NOW,
  bundleClaims,
  issuerEntry,
  loadOrThrow,
  makeScheme,
  passportClaims,
  passportJws,
  signBundle,
  verifyWith,
  type Json,
  type Scheme,
} from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

describe.each(['es', 'ed'] as const)('row 6, %s issuer', (which) => {
  const issuer = () => scheme[which];
  const other = () => (which === 'es' ? scheme.ed : scheme.es);
  const codeWith = async (overrides: Json, options = {}) =>
    (await verifyWith(scheme, await passportJws(issuer(), passportClaims(issuer(), overrides)), options)).code;

  it('an iss naming another trusted issuer is UNTRUSTED_ISSUER', async () => {
    expect(await codeWith({ iss: other().iss })).toBe('UNTRUSTED_ISSUER');
  });

  it('an iss naming no issuer at all is UNTRUSTED_ISSUER', async () => {
    expect(await codeWith({ iss: 'uk.nowhere' })).toBe('UNTRUSTED_ISSUER');
  });

  it('a category the issuer does not hold is UNTRUSTED_ISSUER; each of its own passes', async () => {
    expect(await codeWith({ cat: 'young' })).toBe('UNTRUSTED_ISSUER');
    for (const cat of ['adult', 'young-adult', 'parent']) expect(await codeWith({ cat })).toBe('STATUS_UNKNOWN');
  });

  it('categories come from the bundle: with young added, young passes', async () => {
    const entries = [issuerEntry({ ...issuer(), cats: ['young'] }), issuerEntry(other())];
    const bundle = await loadOrThrow(await signBundle(bundleClaims([], { issuers: entries }), scheme.root), scheme.roots);
    expect(await codeWith({ cat: 'young' }, { bundle })).toBe('STATUS_UNKNOWN');
    expect(await codeWith({ cat: 'adult' }, { bundle })).toBe('UNTRUSTED_ISSUER');
  });

  it('an issuer with an unknown category in the bundle still works for its known ones', async () => {
    const entries = [issuerEntry({ ...issuer(), cats: ['adult', 'grandparent'] }), issuerEntry(other())];
    const bundle = await loadOrThrow(await signBundle(bundleClaims([], { issuers: entries }), scheme.root), scheme.roots);
    expect(await codeWith({ cat: 'adult' }, { bundle })).toBe('STATUS_UNKNOWN');
  });
});

describe.each(['es', 'ed'] as const)('rows 7 and 8 with the default 300 s skew, %s issuer', (which) => {
  const issuer = () => scheme[which];
  const at = async (now: number, nbf: number, exp: number, skew?: number) =>
    (await verifyWith(scheme, await passportJws(issuer(), passportClaims(issuer(), { nbf, exp })), skew === undefined ? { now } : { now, skew })).code;

  it('now + skew == nbf is valid; one second earlier is NOT_YET_VALID', async () => {
    const nbf = NOW + 300;
    expect(await at(NOW, nbf, nbf + 700 * DAY)).toBe('STATUS_UNKNOWN');
    expect(await at(NOW - 1, nbf, nbf + 700 * DAY)).toBe('NOT_YET_VALID');
  });

  it('now - skew == exp is EXPIRED; one second earlier is valid', async () => {
    const exp = NOW - 300;
    expect(await at(NOW, exp - 700 * DAY, exp)).toBe('EXPIRED');
    expect(await at(NOW - 1, exp - 700 * DAY, exp)).toBe('STATUS_UNKNOWN');
  });

  it('an exp that is only just past is still valid inside the skew', async () => {
    expect(await at(NOW, NOW - 700 * DAY, NOW - 1)).toBe('STATUS_UNKNOWN');
  });

  it('a passport whose whole life is inside the skew window is judged on nbf first', async () => {
    // nbf in the future by 301 s: NOT_YET_VALID comes before EXPIRED
    expect(await at(NOW, NOW + 301, NOW + 302)).toBe('NOT_YET_VALID');
  });

  it('the skew is a parameter: with skew 0 the boundaries move to now itself', async () => {
    expect(await at(NOW, NOW, NOW + DAY, 0)).toBe('STATUS_UNKNOWN');
    expect(await at(NOW, NOW + 1, NOW + DAY, 0)).toBe('NOT_YET_VALID');
    expect(await at(NOW, NOW - DAY, NOW, 0)).toBe('EXPIRED');
  });
});
