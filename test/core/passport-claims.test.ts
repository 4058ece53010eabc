// Spec section 2 claims table, checked at row 5 of section 5: anything missing or ill-formed is MALFORMED.

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

describe.each(['es', 'ed'] as const)('row 5 claims, %s issuer', (which) => {
  const codeWith = async (overrides: Json) => (await verifyWith(scheme, await passportJws(scheme[which], passportClaims(scheme[which], overrides)))).code;
  const pointer = (value: unknown) => ({ status: { status_list: value } });

  it('good claims pass row 5 (STATUS_UNKNOWN: no list held)', async () => {
    expect(await codeWith({})).toBe('STATUS_UNKNOWN');
  });

  it('a well-signed payload that is not UTF-8 is MALFORMED', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(passportClaims(scheme[which])).replace('Jo Carer', 'Jo XCarer'));
    bytes[bytes.indexOf(0x58)] = 0xff; // the X becomes a byte that is never UTF-8
    expect((await verifyWith(scheme, await passportJws(scheme[which], bytes))).code).toBe('MALFORMED');
  });

  it.each(['iss', 'jti', 'name', 'cat', 'nbf', 'exp', 'status'])('a passport without %s is MALFORMED', async (claim) => {
    expect(await codeWith({ [claim]: undefined })).toBe('MALFORMED');
  });

  it('iat is optional, and unknown claims are ignored', async () => {
    expect(await codeWith({ iat: undefined })).toBe('STATUS_UNKNOWN');
    expect(await codeWith({ sub: 'anything', aud: ['x'], extra: { deep: [1, 2] } })).toBe('STATUS_UNKNOWN');
  });

  it.each([
    ['iss', 42],
    ['iss', ''],
    ['iss', null],
    ['jti', 123],
    ['name', ''],
    ['name', 42],
    ['name', ['Jo']],
    ['cat', 'ADULT'],
    ['cat', 'carer'],
    ['cat', ['adult']],
    ['cat', null],
    ['nbf', String(NOW - DAY)],
    ['nbf', NOW - DAY + 0.5],
    ['exp', NOW + 10 * DAY + 0.25],
    ['exp', String(NOW + 10 * DAY)],
    ['exp', null],
    ['iat', String(NOW)],
    ['iat', NOW + 0.5],
    ['iat', true],
    ['status', 'https://status.example/1#5'],
    ['status', {}],
    ['status', []],
  ])('%s of %j is MALFORMED', async (claim, value) => {
    expect(await codeWith({ [claim]: value })).toBe('MALFORMED');
  });

  it.each([
    ['a missing idx', { uri: 'https://status.example/x' }],
    ['a negative idx', { idx: -1, uri: 'https://status.example/x' }],
    ['a non-integer idx', { idx: 1.5, uri: 'https://status.example/x' }],
    ['an idx as text', { idx: '5', uri: 'https://status.example/x' }],
    ['a missing uri', { idx: 5 }],
    ['a uri that is not a string', { idx: 5, uri: 7 }],
    ['status_list null', null],
    ['status_list an array', [5, 'https://status.example/x']],
  ])('a status pointer with %s is MALFORMED', async (_label, value) => {
    expect(await codeWith(pointer(value))).toBe('MALFORMED');
  });

  it('idx 0 is a good pointer', async () => {
    expect(await codeWith(pointer({ idx: 0, uri: 'https://status.example/x' }))).toBe('STATUS_UNKNOWN');
  });

  it.each([
    ['A', true],
    ['0', true],
    ['CP-0001-AB', true],
    ['A'.repeat(32), true],
    ['9'.repeat(31) + '-', true],
    ['A'.repeat(33), false],
    ['cp-0001', false],
    ['Cp0001', false],
    ['-CP0001', false],
    ['CP 0001', false],
    ['CP_0001', false],
    ['CP0001\n', false],
    ['', false],
    ['ÄB12', false],
  ])('jti %j matches ^[A-Z0-9][A-Z0-9-]{0,31}$: %s', async (jti, ok) => {
    expect(await codeWith({ jti })).toBe(ok ? 'STATUS_UNKNOWN' : 'MALFORMED');
  });

  it('name counts code points: 64 emoji (128 UTF-16 units) pass, 65 do not', async () => {
    expect(await codeWith({ name: '😀'.repeat(64) })).toBe('STATUS_UNKNOWN');
    expect(await codeWith({ name: '😀'.repeat(65) })).toBe('MALFORMED');
    expect(await codeWith({ name: 'x'.repeat(64) })).toBe('STATUS_UNKNOWN');
    expect(await codeWith({ name: 'x'.repeat(65) })).toBe('MALFORMED');
  });

  it('name is any Unicode', async () => {
    expect(await codeWith({ name: 'Siobhán Ní Bhriain-Ødegård 李' })).toBe('STATUS_UNKNOWN');
  });

  it('exp must be after nbf', async () => {
    expect(await codeWith({ nbf: NOW - DAY, exp: NOW - DAY })).toBe('MALFORMED');
    expect(await codeWith({ nbf: NOW - DAY, exp: NOW - 2 * DAY })).toBe('MALFORMED');
  });

  it('exp at most 315,576,000 s after nbf; milliseconds written as seconds are MALFORMED', async () => {
    const nbf = NOW - DAY;
    expect(await codeWith({ nbf, exp: nbf + 315_576_000 })).toBe('STATUS_UNKNOWN');
    expect(await codeWith({ nbf, exp: nbf + 315_576_001 })).toBe('MALFORMED');
    expect(await codeWith({ nbf, exp: (NOW + 700 * DAY) * 1000 })).toBe('MALFORMED');
    expect(await codeWith({ nbf: nbf * 1000, exp: (NOW + 700 * DAY) * 1000 })).toBe('MALFORMED');
  });
});

describe('iss counts code points (64 emoji pass, 65 are MALFORMED even when the bundle names that issuer)', () => {
  it.each([
    [64, 'STATUS_UNKNOWN'],
    [65, 'MALFORMED'],
  ])('%i emoji', async (count, expected) => {
    const iss = '🧡'.repeat(count);
    const issuer = { ...scheme.es, iss };
    const bundle = await loadOrThrow(await signBundle(bundleClaims([scheme.ed], { issuers: [issuerEntry(issuer)] }), scheme.root), scheme.roots);
    const verdict = await verifyWith(scheme, await passportJws(issuer), { bundle });
    expect(verdict.code).toBe(expected);
  });
});
