// Spec section 4: bits, base64url without padding, exactly one complete ZLIB stream, and the 16 MiB inflate cap.
// A list that breaks any of these is ignored as if absent, so a passport it would revoke is STATUS_UNKNOWN.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrustState, deflateZlib, encodeBase64url, packStatuses } from '../../src/core/index.ts';
import { makeScheme, passportClaims, passportJws, statusListJwt, statusesWith, verifyWith, type Scheme } from './support/scheme.ts';

let scheme: Scheme;
let passport: string;
/** ZLIB of a 131,072-entry bits-1 list that revokes index 5. */
let revoking: Uint8Array;
beforeAll(async () => {
  scheme = await makeScheme();
  passport = await passportJws(scheme.es, passportClaims(scheme.es));
  revoking = await deflateZlib(packStatuses(statusesWith(131_072, { 5: 1 }), 1));
});

/** Verdict for the passport (index 5) with one list whose status_list is as given. */
async function codeWithList(statusList: { bits?: unknown; lst?: unknown }): Promise<string> {
  const jwt = await statusListJwt(scheme.es, { extra: { status_list: statusList } });
  const state = await buildTrustState(scheme.bundle, [jwt]);
  const code = (await verifyWith(scheme, passport, { lists: [jwt] })).code;
  expect(state.ignored.length === 1).toBe(code === 'STATUS_UNKNOWN');
  return code;
}

const b64 = (bytes: Uint8Array) => encodeBase64url(bytes);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

async function compress(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('bits', () => {
  it('the good list revokes (the baseline every case below departs from)', async () => {
    expect(await codeWithList({ bits: 1, lst: b64(revoking) })).toBe('REVOKED');
  });

  it.each([0, 3, 5, 16, 1.5, -1, '1', null, undefined])('a list with bits %j is ignored', async (bits) => {
    expect(await codeWithList({ bits, lst: b64(revoking) })).toBe('STATUS_UNKNOWN');
  });
});

describe('lst must be base64url without padding (RFC 7515 section 2)', () => {
  it('padding makes a list unusable', async () => {
    const lst = b64(revoking);
    const padded = lst + '='.repeat((4 - (lst.length % 4)) % 4 || 4);
    expect(await codeWithList({ bits: 1, lst: padded })).toBe('STATUS_UNKNOWN');
    expect(await codeWithList({ bits: 1, lst: 'eNrbuRgAAhcBXQ==' })).toBe('STATUS_UNKNOWN');
  });

  it('the standard base64 alphabet (+ and /) makes a list unusable', async () => {
    // find data whose base64url shows - or _, so the standard form differs from it
    let data = revoking;
    for (let i = 0; !/[-_]/.test(b64(data)); i++) data = await deflateZlib(packStatuses(statusesWith(4096, { [i]: 1, [i * 7]: 1 }), 1));
    const standard = Buffer.from(data).toString('base64').replace(/=+$/, '');
    expect(standard).toMatch(/[+/]/);
    expect(await codeWithList({ bits: 1, lst: b64(data) })).not.toBe('STATUS_UNKNOWN');
    expect(await codeWithList({ bits: 1, lst: standard })).toBe('STATUS_UNKNOWN');
  });

  it('non-zero unused bits in the last character make a list unusable (not base64url as RFC 7515 writes it)', async () => {
    const lst = b64(revoking);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const unused = lst.length % 4 === 2 ? 4 : 2; // 2 characters carry 8 bits of 12, 3 carry 16 of 18
    const last = alphabet.indexOf(lst.at(-1)!);
    expect(last % (1 << unused)).toBe(0);
    expect(await codeWithList({ bits: 1, lst: lst.slice(0, -1) + alphabet[last + 1] })).toBe('STATUS_UNKNOWN');
  });

  it.each([
    ['white space inside', () => `${b64(revoking).slice(0, 8)} ${b64(revoking).slice(8)}`],
    ['a line break at the end', () => `${b64(revoking)}\n`],
    ['a length of 1 mod 4', () => (b64(revoking).length % 4 === 1 ? b64(revoking) : `${b64(revoking)}${'A'.repeat((5 - (b64(revoking).length % 4)) % 4)}`)],
    ['an empty string', () => ''],
    ['a number', () => 12345],
    ['an array', () => [b64(revoking)]],
    ['nothing', () => undefined],
  ])('lst with %s makes a list unusable', async (_label, lst) => {
    expect(await codeWithList({ bits: 1, lst: lst() })).toBe('STATUS_UNKNOWN');
  });
});

describe('lst must be exactly one complete ZLIB stream', () => {
  it('a stream missing its last byte, its checksum, or all but its header is ignored', async () => {
    for (const cut of [1, 4, revoking.length - 2]) {
      expect(await codeWithList({ bits: 1, lst: b64(revoking.subarray(0, revoking.length - cut)) }), `cut ${cut}`).toBe('STATUS_UNKNOWN');
    }
  });

  it('a stream followed by trailing bytes is ignored (one zero byte, several, a whole second stream)', async () => {
    expect(await codeWithList({ bits: 1, lst: b64(join(revoking, Uint8Array.of(0))) })).toBe('STATUS_UNKNOWN');
    expect(await codeWithList({ bits: 1, lst: b64(join(revoking, Uint8Array.of(1, 2, 3, 4, 5))) })).toBe('STATUS_UNKNOWN');
    expect(await codeWithList({ bits: 1, lst: b64(join(revoking, await deflateZlib(Uint8Array.of(0)))) })).toBe('STATUS_UNKNOWN');
  });

  it('a complete stream of no bytes is a usable list of no entries, so every index is outside it: REVOKED', async () => {
    expect(await codeWithList({ bits: 1, lst: b64(await deflateZlib(new Uint8Array(0))) })).toBe('REVOKED');
  });

  it('a stream with a wrong Adler-32 checksum is ignored', async () => {
    const corrupt = Uint8Array.from(revoking);
    corrupt[corrupt.length - 1]! ^= 0xff;
    expect(await codeWithList({ bits: 1, lst: b64(corrupt) })).toBe('STATUS_UNKNOWN');
  });

  it('raw DEFLATE (no ZLIB header) and GZIP are not ZLIB and are ignored', async () => {
    const statuses = packStatuses(statusesWith(131_072, { 5: 1 }), 1);
    expect(await codeWithList({ bits: 1, lst: b64(await compress(statuses, 'deflate-raw')) })).toBe('STATUS_UNKNOWN');
    expect(await codeWithList({ bits: 1, lst: b64(await compress(statuses, 'gzip')) })).toBe('STATUS_UNKNOWN');
  });
});

describe('the 16 MiB inflate cap', () => {
  const MiB = 1024 * 1024;

  it('a decompression bomb (20 MiB of zeros) is ignored quickly', async () => {
    const bomb = await deflateZlib(new Uint8Array(20 * MiB));
    const started = performance.now();
    const state = await buildTrustState(scheme.bundle, [await statusListJwt(scheme.es, { lst: b64(bomb) })]);
    const elapsed = performance.now() - started;
    console.info(`bomb: ${bomb.length} bytes compressed, ignored in ${elapsed.toFixed(0)} ms`);
    expect(state.ignored.map((i) => i.problem)).toEqual(['too-large']);
    expect(state.statusLists.all()).toHaveLength(0);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a list of exactly 16 MiB (134,217,728 one-bit entries) is accepted; its last index is inside', async () => {
    const statuses = new Uint8Array(16 * MiB);
    statuses[16 * MiB - 1] = 0x80; // the very last entry is revoked
    const jwt = await statusListJwt(scheme.es, { lst: b64(await deflateZlib(statuses)) });
    const at = async (idx: number) =>
      (await verifyWith(scheme, await passportJws(scheme.es, passportClaims(scheme.es, { status: { status_list: { idx, uri: scheme.es.listUri } } })), { lists: [jwt] })).code;
    expect(await at(134_217_726)).toBe('VALID');
    expect(await at(134_217_727)).toBe('REVOKED');
    expect(await at(134_217_728)).toBe('REVOKED'); // outside
  });

  it('one byte past 16 MiB is ignored', async () => {
    const jwt = await statusListJwt(scheme.es, { lst: b64(await deflateZlib(new Uint8Array(16 * MiB + 1))) });
    const state = await buildTrustState(scheme.bundle, [jwt]);
    expect(state.ignored.map((i) => i.problem)).toEqual(['too-large']);
  });
});
