// Spec section 4 and rows 9 to 12: bit order, values, which list is used, and when it is stale.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, decodeStatusList, deflateZlib, encodeBase64url, generateSigningKey, packStatuses, statusAt } from '../../src/core/index.ts';
import {
  DAY,
  NOW,
  bundleClaims,
  headerFor,
  issuerEntry,
  loadOrThrow,
  makeScheme,
  passportClaims,
  passportJws,
  signBundle,
  signRaw,
  statusListJwt,
  statusesWith,
  verifyWith,
  type ListOptions,
  type Scheme,
  type TestIssuer,
} from './support/scheme.ts';

let scheme: Scheme;
beforeAll(async () => {
  scheme = await makeScheme();
});

const IETF_LST = 'eNrbuRgAAhcBXQ';
const IETF_STATUSES = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];

async function codeAt(issuer: TestIssuer, idx: number, lists: string[], extra = {}) {
  const jws = await passportJws(issuer, passportClaims(issuer, { status: { status_list: { idx, uri: issuer.listUri } } }));
  return (await verifyWith(scheme, jws, { lists, ...extra })).code;
}

describe('the IETF example (bits 1)', () => {
  it('decodes eNrbuRgAAhcBXQ to the statuses 1,0,0,1,1,1,0,1,1,1,0,0,0,1,0,1', async () => {
    const decoded = await decodeStatusList(await statusListJwt(scheme.es, { lst: IETF_LST }), scheme.bundle);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect([...decoded.list.bytes]).toEqual([0xb9, 0xa3]);
    expect(IETF_STATUSES.map((_, i) => statusAt(decoded.list, i))).toEqual(IETF_STATUSES);
    expect(statusAt(decoded.list, 16)).toBeUndefined();
  });

  it('packs those statuses into the bytes 0xB9 0xA3', () => {
    expect([...packStatuses(Uint8Array.from(IETF_STATUSES), 1)]).toEqual([0xb9, 0xa3]);
  });

  it('gives REVOKED at index 0, a warning-free VALID at index 1, and REVOKED outside the list (index 16)', async () => {
    const lists = [await statusListJwt(scheme.ed, { lst: IETF_LST })];
    expect(await codeAt(scheme.ed, 0, lists)).toBe('REVOKED');
    expect(await codeAt(scheme.ed, 1, lists)).toBe('VALID');
    expect(await codeAt(scheme.ed, 15, lists)).toBe('REVOKED');
    expect(await codeAt(scheme.ed, 14, lists)).toBe('VALID');
    expect(await codeAt(scheme.ed, 16, lists)).toBe('REVOKED');
    expect(await codeAt(scheme.ed, 1_000_000, lists)).toBe('REVOKED');
  });
});

/** A list from hand-packed bytes (the spec's bit order written out), so the core's packer is not trusted here. */
async function listOfBytes(issuer: TestIssuer, bits: 1 | 2 | 4 | 8, bytes: number[], options: ListOptions = {}) {
  return statusListJwt(issuer, { bits, lst: encodeBase64url(await deflateZlib(Uint8Array.from(bytes))), ...options });
}

describe.each(['es', 'ed'] as const)('bits 2, 4 and 8, %s issuer', (which) => {
  const issuer = () => scheme[which];

  it('bits 2: 0xC9 holds 1,2,0,3 from the least significant bit; 3 counts as revoked', async () => {
    const lists = [await listOfBytes(issuer(), 2, [0xc9, 0x00])];
    expect([await codeAt(issuer(), 0, lists), await codeAt(issuer(), 1, lists), await codeAt(issuer(), 2, lists), await codeAt(issuer(), 3, lists)])
      .toEqual(['REVOKED', 'SUSPENDED', 'VALID', 'REVOKED']);
    expect(await codeAt(issuer(), 7, lists)).toBe('VALID');
    expect(await codeAt(issuer(), 8, lists)).toBe('REVOKED'); // outside: 2 bytes hold 8 entries
  });

  it('bits 4: 0xC5 0x2F holds 5,12,15,2; only 0 and 2 are not revoked', async () => {
    const lists = [await listOfBytes(issuer(), 4, [0xc5, 0x2f, 0x10])];
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push(await codeAt(issuer(), i, lists));
    expect(codes).toEqual(['REVOKED', 'REVOKED', 'REVOKED', 'SUSPENDED', 'VALID', 'REVOKED']);
  });

  it('bits 8: one byte per entry; 0 valid, 1 revoked, 2 suspended, 3 and 255 revoked', async () => {
    const lists = [await listOfBytes(issuer(), 8, [0, 1, 2, 3, 255, 0x80])];
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push(await codeAt(issuer(), i, lists));
    expect(codes).toEqual(['VALID', 'REVOKED', 'SUSPENDED', 'REVOKED', 'REVOKED', 'REVOKED', 'REVOKED']);
  });

  it('statusAt reads every value the core packs, for each width', async () => {
    for (const bits of [1, 2, 4, 8] as const) {
      const values = Array.from({ length: 64 }, (_, i) => (i * 7 + 3) % (1 << bits));
      const decoded = await decodeStatusList(await statusListJwt(issuer(), { bits, statuses: Uint8Array.from(values) }), scheme.bundle);
      if (!decoded.ok) throw new Error(decoded.problem);
      expect(values.map((_, i) => statusAt(decoded.list, i))).toEqual(values);
    }
  });
});

describe('which list is used (spec section 4)', () => {
  const revoking = (issuer: TestIssuer, options: ListOptions = {}, signer = issuer.key) =>
    statusListJwt(issuer, { statuses: statusesWith(131_072, { 5: 1 }), ...options }, signer);

  it('a list for the passport\'s uri signed by ANOTHER trusted issuer is ignored: STATUS_UNKNOWN', async () => {
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, {}, scheme.ed.key)])).toBe('STATUS_UNKNOWN');
    expect(await codeAt(scheme.ed, 5, [await revoking(scheme.ed, {}, scheme.es.key)])).toBe('STATUS_UNKNOWN');
  });

  it('a list signed by a key outside the bundle is ignored', async () => {
    const stranger = await generateSigningKey('ES256');
    const state = await buildTrustState(scheme.bundle, [await revoking(scheme.es, {}, stranger)]);
    expect(state.ignored).toHaveLength(1);
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, {}, stranger)])).toBe('STATUS_UNKNOWN');
  });

  it('a list signed by another key of the passport\'s own issuer is used', async () => {
    const second = await generateSigningKey('EdDSA');
    const entries = [issuerEntry(scheme.es, [scheme.es.key.publicJwk, second.publicJwk]), issuerEntry(scheme.ed)];
    const bundle = await loadOrThrow(await signBundle(bundleClaims([], { issuers: entries }), scheme.root), scheme.roots);
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, {}, second)], { bundle })).toBe('REVOKED');
  });

  it('a list whose sub is not exactly the uri is ignored', async () => {
    for (const uri of [`${scheme.es.listUri}/`, scheme.es.listUri.toUpperCase(), `${scheme.es.listUri}?v=2`, ` ${scheme.es.listUri}`]) {
      expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, { uri })]), uri).toBe('STATUS_UNKNOWN');
    }
  });

  it('a list with a broken signature, a wrong typ or a forbidden header is ignored', async () => {
    const good = await revoking(scheme.es);
    const broken = `${good.slice(0, -2)}${good.at(-2) === 'A' ? 'B' : 'A'}${good.at(-1)}`;
    expect(await codeAt(scheme.es, 5, [good])).toBe('REVOKED');
    expect(await codeAt(scheme.es, 5, [broken])).toBe('STATUS_UNKNOWN');
    const claims = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString());
    for (const header of [headerFor(scheme.es.key, 'cp+jwt'), headerFor(scheme.es.key, 'statuslist+jwt', { jku: 'https://x.example' }), headerFor(scheme.es.key, 'statuslist+jwt', { alg: 'ES384' })]) {
      expect(await codeAt(scheme.es, 5, [await signRaw(header, claims, scheme.es.key.privateJwk)])).toBe('STATUS_UNKNOWN');
    }
    expect(await codeAt(scheme.es, 5, [await signRaw(headerFor(scheme.es.key, 'application/StatusList+JWT'), claims, scheme.es.key.privateJwk)])).toBe('REVOKED');
  });

  it('a list without sub or iat, or with a non-integer iat, is ignored', async () => {
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, { extra: { sub: undefined } })])).toBe('STATUS_UNKNOWN');
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, { extra: { iat: undefined } })])).toBe('STATUS_UNKNOWN');
    expect(await codeAt(scheme.es, 5, [await revoking(scheme.es, { extra: { iat: NOW - 0.5 } })])).toBe('STATUS_UNKNOWN');
  });

  it('of two usable lists for one uri the later iat wins, whatever the order they come in', async () => {
    const older = await revoking(scheme.es, { iat: NOW - 2 * DAY });
    const newer = await statusListJwt(scheme.es, { iat: NOW - DAY }); // index 5 valid again
    expect(await codeAt(scheme.es, 5, [older, newer])).toBe('VALID');
    expect(await codeAt(scheme.es, 5, [newer, older])).toBe('VALID');
    const newerRevoking = await revoking(scheme.es, { iat: NOW - DAY });
    const olderClean = await statusListJwt(scheme.es, { iat: NOW - 2 * DAY });
    expect(await codeAt(scheme.es, 5, [newerRevoking, olderClean])).toBe('REVOKED');
    expect(await codeAt(scheme.es, 5, [olderClean, newerRevoking])).toBe('REVOKED');
  });

  it('a newer list that is not usable does not displace an older usable one', async () => {
    const older = await revoking(scheme.es, { iat: NOW - 2 * DAY });
    const newerBroken = await statusListJwt(scheme.es, { iat: NOW - DAY, bits: 1, lst: 'eNrbuRgAAhcBXQ==' });
    expect(await codeAt(scheme.es, 5, [older, newerBroken])).toBe('REVOKED');
  });
});

describe('staleness (no skew) and rows 9 to 12', () => {
  const clean = (options: ListOptions) => statusListJwt(scheme.ed, options);

  it('iat exactly status_max_age ago is fresh; one second more is STATUS_STALE', async () => {
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - 604_800 })])).toBe('VALID');
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - 604_801 })])).toBe('STATUS_STALE');
  });

  it('status_max_age comes from the bundle', async () => {
    const bundle = await loadOrThrow(await signBundle(bundleClaims([scheme.es, scheme.ed], { status_max_age: 3600 }), scheme.root), scheme.roots);
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - 3600 })], { bundle })).toBe('VALID');
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - 3601 })], { bundle })).toBe('STATUS_STALE');
  });

  it('a list is stale once now > exp: exp == now is fresh, exp == now - 1 is stale', async () => {
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - DAY, exp: NOW })])).toBe('VALID');
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - DAY, exp: NOW - 1 })])).toBe('STATUS_STALE');
  });

  it('a stale list (by iat or by exp) still revokes and suspends', async () => {
    const statuses = statusesWith(131_072, { 5: 1, 6: 2 });
    for (const options of [{ iat: NOW - 30 * DAY }, { iat: NOW - DAY, exp: NOW - 3600 }]) {
      const lists = [await statusListJwt(scheme.ed, { bits: 2, statuses, ...options })];
      expect(await codeAt(scheme.ed, 5, lists)).toBe('REVOKED');
      expect(await codeAt(scheme.ed, 6, lists)).toBe('SUSPENDED');
      expect(await codeAt(scheme.ed, 7, lists)).toBe('STATUS_STALE');
      expect(await codeAt(scheme.ed, 200_000, lists)).toBe('REVOKED');
    }
  });

  it('ttl is optional and does not make a list stale', async () => {
    expect(await codeAt(scheme.ed, 5, [await clean({ iat: NOW - 6 * DAY, extra: { ttl: 60 } })])).toBe('VALID');
  });

  it('a malformed ttl is dropped, not a reason to ignore the list: its revocations still count', async () => {
    const statuses = new Uint8Array(131_072);
    statuses[7] = 1;
    for (const ttl of ['x', -1, 1.5, null]) {
      const list = await clean({ statuses, extra: { ttl } });
      expect(await codeAt(scheme.ed, 7, [list])).toBe('REVOKED');
      expect(await codeAt(scheme.ed, 5, [list])).toBe('VALID');
    }
  });
});
