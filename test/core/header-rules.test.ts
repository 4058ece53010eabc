// Spec section 1, the header rules common to all three documents, on real signed passports (row 2 -> MALFORMED).

import { beforeAll, describe, expect, it } from 'vitest';
import { headerFor, makeScheme, passportClaims, signRaw, verifyWith, type Json, type Scheme } from './support/scheme.ts';
import { encodeBase64url, readTyp, utf8 } from '../../src/core/index.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

describe.each(['es', 'ed'] as const)('header rules, %s issuer', (which) => {
  const issuer = () => scheme[which];
  /** Signs good claims with the issuer's key under exactly the given header. */
  const signed = (header: Json | string | Uint8Array) => signRaw(header, passportClaims(issuer()), issuer().key.privateJwk);
  const good = (extra: Json = {}) => headerFor(issuer().key, 'cp+jwt', extra);
  const without = (name: string): Json => {
    const header = good();
    delete header[name];
    return header;
  };
  const codeFor = async (header: Json | string | Uint8Array) => (await verifyWith(scheme, await signed(header))).code;

  it('accepts the good header (STATUS_UNKNOWN: no list held)', async () => {
    expect(await codeFor(good())).toBe('STATUS_UNKNOWN');
  });

  it('a byte order mark before the header JSON is not JSON: MALFORMED', async () => {
    expect(await codeFor(`\uFEFF${JSON.stringify(good())}`)).toBe('MALFORMED');
  });

  it('a byte order mark before the payload JSON is not JSON: MALFORMED at row 5, after the signature holds', async () => {
    const jws = await signRaw(good(), `\uFEFF${JSON.stringify(passportClaims(issuer()))}`, issuer().key.privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('MALFORMED');
  });

  it.each(['none', 'HS256', 'RS256', 'ES384', 'ES512', 'PS256', 'Ed25519', 'Ed448', 'es256', 'eddsa', ''])(
    'rejects alg %j as MALFORMED',
    async (alg) => {
      expect(await codeFor(good({ alg }))).toBe('MALFORMED');
    },
  );

  it('rejects a header without alg, or with alg that is not a string', async () => {
    expect(await codeFor(without('alg'))).toBe('MALFORMED');
    expect(await codeFor(good({ alg: ['ES256', 'EdDSA'] }))).toBe('MALFORMED');
  });

  it('rejects a missing kid, an empty kid and a kid that is not a string', async () => {
    expect(await codeFor(without('kid'))).toBe('MALFORMED');
    expect(await codeFor(good({ kid: '' }))).toBe('MALFORMED');
    expect(await codeFor(good({ kid: 42 }))).toBe('MALFORMED');
    expect(await codeFor(good({ kid: null }))).toBe('MALFORMED');
  });

  it.each([
    ['jwk', () => issuer().key.publicJwk],
    ['jku', () => 'https://keys.example/jwks.json'],
    ['x5u', () => 'https://keys.example/cert.pem'],
    ['x5c', () => ['MIIB']],
    ['crit', () => ['exp']],
    ['b64', () => true],
  ])('rejects the forbidden header parameter %s, even with a harmless value', async (name, value) => {
    expect(await codeFor(good({ [name]: value() }))).toBe('MALFORMED');
  });

  it('rejects a forbidden parameter even when its value is null or false', async () => {
    expect(await codeFor(good({ jwk: null }))).toBe('MALFORMED');
    expect(await codeFor(good({ b64: false }))).toBe('MALFORMED');
  });

  it('ignores other, unknown header parameters', async () => {
    expect(await codeFor(good({ 'x-note': 'printed 2026', cty: 'JWT' }))).toBe('STATUS_UNKNOWN');
  });

  it('rejects a missing typ, or a typ that is not cp+jwt', async () => {
    expect(await codeFor(without('typ'))).toBe('MALFORMED');
    for (const typ of ['JWT', 'jwt', 'cp-trust+jwt', 'statuslist+jwt', 'cp+jwt ', 'application/jwt', 'cp', '', 7]) {
      expect(await codeFor(good({ typ })), `typ ${JSON.stringify(typ)}`).toBe('MALFORMED');
    }
  });

  it.each(['cp+jwt', 'CP+JWT', 'Cp+Jwt', 'application/cp+jwt', 'application/CP+JWT', 'APPLICATION/cp+JWT'])(
    'accepts typ %j (RFC 7515 4.1.9: any case, optional application/ prefix)',
    async (typ) => {
      expect(await codeFor(good({ typ }))).toBe('STATUS_UNKNOWN');
    },
  );

  it('rejects a header that is not JSON, not an object, or not UTF-8', async () => {
    expect(await codeFor('{"alg":"ES256",')).toBe('MALFORMED');
    expect(await codeFor(JSON.stringify([good()]))).toBe('MALFORMED');
    expect(await codeFor('null')).toBe('MALFORMED');
    expect(await codeFor(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toBe('MALFORMED');
  });
});

describe('alg must suit the key that kid names (spec section 1)', () => {
  it('EdDSA in the header with the kid of an EC P-256 key is BAD_SIGNATURE', async () => {
    // signed with the EC key itself (ES256), so only the alg/key mismatch is wrong
    const jws = await signRaw(headerFor(scheme.es.key, 'cp+jwt', { alg: 'EdDSA' }), passportClaims(scheme.es), scheme.es.key.privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('BAD_SIGNATURE');
  });

  it('ES256 in the header with the kid of an Ed25519 key is BAD_SIGNATURE', async () => {
    const jws = await signRaw(headerFor(scheme.ed.key, 'cp+jwt', { alg: 'ES256' }), passportClaims(scheme.ed), scheme.ed.key.privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('BAD_SIGNATURE');
  });

  it('the same token with the matching alg verifies, so the mismatch alone decides', async () => {
    const jws = await signRaw(headerFor(scheme.ed.key, 'cp+jwt'), passportClaims(scheme.ed), scheme.ed.key.privateJwk);
    expect((await verifyWith(scheme, jws)).code).toBe('STATUS_UNKNOWN');
  });
});

describe('readTyp, which tells the three documents apart before anything is verified', () => {
  it('normalises case and the application/ prefix, and says nothing for text that is not a token', () => {
    const token = (header: string) => `${encodeBase64url(utf8(header))}.e30.`;
    expect(readTyp(token('{"typ":"application/STATUSLIST+JWT"}'))).toBe('statuslist+jwt');
    expect(readTyp(`  ${token('{"typ":"cp-trust+jwt"}')}\n`)).toBe('cp-trust+jwt');
    expect(readTyp(token('{"alg":"ES256"}'))).toBeUndefined();
    expect(readTyp(token('[1]'))).toBeUndefined();
    expect(readTyp('hello, world')).toBeUndefined();
  });
});
