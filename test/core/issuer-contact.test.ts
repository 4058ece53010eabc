// Spec section 8: an issuer's optional contact (malformed: ignored as absent), one issuer listed twice or a required
// claim missing rejects the bundle whole, and unknown members are ignored.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadTrustBundle, readIssuerContact, signTrustBundle, type TrustBundle } from '../../src/core/index.ts';
import { NOW, bundleClaims, issuerEntry, makeScheme, signBundle, verifyWith, passportJws, statusListJwt, type Json, type Scheme } from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

const CONTACT = { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm', web: 'https://carers.example/passport' };

async function loadWith(esEntry: Json, extraClaims: Json = {}) {
  const claims = bundleClaims([], { issuers: [esEntry, issuerEntry(scheme.ed)], ...extraClaims });
  return loadTrustBundle(await signBundle(claims, scheme.root), { roots: scheme.roots });
}

async function contactOf(contact: unknown) {
  const loaded = await loadWith({ ...issuerEntry(scheme.es), contact });
  if (!loaded.ok) throw new Error(`bundle rejected: ${loaded.detail}`);
  return loaded.bundle.issuers[0]!.contact;
}

describe('issuer contact', () => {
  it('a well-formed contact is read, with any one of its members alone', async () => {
    expect(await contactOf(CONTACT)).toEqual(CONTACT);
    expect(await contactOf({ phone: '+44 116 123 4567' })).toEqual({ phone: '+44 116 123 4567' });
    expect(await contactOf({ web: 'https://carers.example/' })).toEqual({ web: 'https://carers.example/' });
  });

  it('no contact, or an empty one, is absent', async () => {
    expect(await contactOf(undefined)).toBeUndefined();
    expect(await contactOf({})).toBeUndefined();
    expect(await contactOf({ phone: '  ' })).toBeUndefined();
  });

  it.each([
    ['not an object', '0116 123 4567'],
    ['an array', [CONTACT]],
    ['null', null],
    ['a phone that is a number', { phone: 1161234567 }],
    ['a phone of 65 code points', { phone: '1'.repeat(65) }],
    ['hours of 65 code points', { hours: 'é'.repeat(65) }],
    ['a web address that is http:', { web: 'http://carers.example/' }],
    ['a web address that is not a URL', { web: 'carers.example' }],
    ['a javascript: address', { web: 'javascript:alert(1)' }],
    ['a web address of 201 code points', { web: `https://carers.example/${'a'.repeat(178)}` }],
    ['a control character', { phone: '0116\n123' }],
    ['a bidi override', { hours: '\u202e9am' }],
  ])('a malformed contact (%s) is ignored as absent and the bundle still loads', async (_label, contact) => {
    const loaded = await loadWith({ ...issuerEntry(scheme.es), contact });
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.bundle.issuers[0]!.contact).toBeUndefined();
  });

  it('limits are counted in code points: 64 four-byte characters and a 200-character address are accepted', async () => {
    expect(await contactOf({ hours: '🌻'.repeat(64) })).toEqual({ hours: '🌻'.repeat(64) });
    const web = `https://carers.example/${'a'.repeat(177)}`;
    expect(web).toHaveLength(200);
    expect(await contactOf({ web })).toEqual({ web });
  });

  it('unknown members of the contact are ignored', async () => {
    expect(await contactOf({ ...CONTACT, email: 'help@carers.example' })).toEqual(CONTACT);
    expect(readIssuerContact({ phone: '0116 123 4567', fax: 7 })).toEqual({ phone: '0116 123 4567' });
  });

  it('signTrustBundle writes the contact, and a passport of that issuer still verifies VALID', async () => {
    const jwt = await signTrustBundle(
      {
        iss: 'test-scheme', iat: NOW - 60, exp: NOW + 86_400, seq: 9,
        issuers: [
          { iss: scheme.es.iss, name: scheme.es.name, cats: ['adult', 'young-adult', 'parent'], keys: [scheme.es.key.publicJwk], contact: CONTACT },
          { iss: scheme.ed.iss, name: scheme.ed.name, cats: ['adult'], keys: [scheme.ed.key.publicJwk] },
        ],
      },
      scheme.root.privateJwk,
    );
    const loaded = await loadTrustBundle(jwt, { roots: scheme.roots });
    expect(loaded.ok).toBe(true);
    const bundle = (loaded as { bundle: TrustBundle }).bundle;
    expect(bundle.issuers.map((i) => i.contact)).toEqual([CONTACT, undefined]);
    const verdict = await verifyWith(scheme, await passportJws(scheme.es), { bundle, lists: [await statusListJwt(scheme.es)] });
    expect(verdict.code).toBe('VALID');
  });
});

describe('bundles rejected whole (spec section 8)', () => {
  it('one issuer listed twice, even with different keys', async () => {
    const twice = await loadWith(issuerEntry(scheme.es), { issuers: [issuerEntry(scheme.es), { ...issuerEntry(scheme.ed), iss: scheme.es.iss }] });
    expect(twice).toMatchObject({ ok: false, reason: 'claims' });
    expect(twice.ok ? '' : twice.detail).toContain('listed twice');
  });

  it.each([
    ['iss', { iss: undefined }],
    ['iss that is not a string', { iss: 7 }],
    ['iat', { iat: undefined }],
    ['iat that is not an integer', { iat: NOW - 0.5 }],
    ['exp', { exp: undefined }],
    ['exp as text', { exp: String(NOW + 86_400) }],
    ['seq', { seq: undefined }],
    ['a negative seq', { seq: -1 }],
    ['a fractional seq', { seq: 1.5 }],
    ['issuers', { issuers: undefined }],
    ['issuers that is not an array', { issuers: { [scheme?.es?.iss ?? 'x']: {} } }],
  ])('a bundle without a well-formed %s', async (_label, overrides) => {
    const claims = bundleClaims([scheme.es, scheme.ed], overrides as Json);
    for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete claims[key];
    expect(await loadTrustBundle(await signBundle(claims, scheme.root), { roots: scheme.roots })).toMatchObject({ ok: false, reason: 'claims' });
  });

  it('unknown members in the claims and in an issuer entry are ignored', async () => {
    const loaded = await loadWith({ ...issuerEntry(scheme.es), logo: 'https://carers.example/logo.png', region: { name: 'LLR' } }, { jurisdiction: 'GB', nbf: 'soon' });
    expect(loaded.ok).toBe(true);
  });
});
