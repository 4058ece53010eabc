// Spec section 2 (QR text, limits) and section 5 row 1 (shape alone): what is a passport at all, and what is MALFORMED.

import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, jwsToQrText, MAX_QR_TEXT_CHARS, MAX_RAW_QR_UNITS, readQrText } from '../../src/core/index.ts';
import { headerFor, makeScheme, passportClaims, passportJws, signRaw, verifyWith, type Scheme } from './support/scheme.ts';

let scheme: Scheme;
let jws: string;
beforeAll(async () => {
  scheme = await makeScheme();
  jws = await passportJws(scheme.es);
});

/** The numeric form, written from the spec's formula rather than the core's encoder. */
function numeric(text: string): string {
  return [...text].map((c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('');
}

const code = async (text: string) => (await verifyWith(scheme, text)).code;

describe('QR text forms that are the same passport', () => {
  it('encodes - . A z _ as the spec says, and the core encoder agrees', () => {
    expect(numeric('-.Az_0')).toBe('000120775003');
    expect(jwsToQrText(jws)).toBe(`CP1:/${numeric(jws)}`);
  });

  it.each(['CP1:/', 'cp1:/', 'Cp1:/', 'cP1:/'])('accepts the prefix %s', async (prefix) => {
    expect(await code(prefix + numeric(jws))).toBe('STATUS_UNKNOWN');
  });

  it('accepts the bare JWS', async () => {
    expect(await code(jws)).toBe('STATUS_UNKNOWN');
  });

  it.each([
    ['CR/LF after (keyboard wedge)', (t: string) => `${t}\r\n`],
    ['tabs and spaces around', (t: string) => `\t  ${t} \t`],
    ['newlines before', (t: string) => `\n\n${t}`],
    ['no-break space, BOM and line separator', (t: string) => `\u00a0\ufeff${t}\u2028`],
  ])('accepts white space: %s, in both forms', async (_label, wrap) => {
    expect(await code(wrap(`CP1:/${numeric(jws)}`))).toBe('STATUS_UNKNOWN');
    expect(await code(wrap(jws))).toBe('STATUS_UNKNOWN');
  });
});

describe('row 1: NOT_A_PASSPORT', () => {
  it.each([
    '',
    '   \r\n\t',
    'hello world',
    'https://example.org/carers/passport',
    'https://example.org/a.b.c',
    '5012345678900',
    '9780306406157',
    'WIFI:S:Cafe;T:WPA;P:secret;;',
    'CP1:0102',
    'CP1/0102',
    'CP2:/0102',
    'XCP1:/0102',
    ' x CP1:/0102',
    'abc.def',
    'abc.def.ghi.jkl',
    '.def.ghi',
    'abc..ghi',
    '..',
    'ab=.cd.ef',
    'ab+c.de/f.gh',
    'abc.d ef.ghi',
    'abc.def.gh\ni',
    'ａｂｃ.def.ghi',
  ])('%j is not a passport', async (text) => {
    expect(await verifyWith(scheme, text)).toEqual({ result: 'invalid', code: 'NOT_A_PASSPORT' });
  });

  it('a long text that is not a passport is NOT_A_PASSPORT, not MALFORMED (row 1 before the size limit)', async () => {
    expect(await code('x'.repeat(10_000))).toBe('NOT_A_PASSPORT');
  });

  it('the passport split by a newline inside is not a passport', async () => {
    expect(await code(`${jws.slice(0, 20)}\n${jws.slice(20)}`)).toBe('NOT_A_PASSPORT');
  });
});

describe('row 1 shape passes, a later check fails', () => {
  it('two dots with an empty last run is a JWS shape: garbage runs are MALFORMED', async () => {
    expect(await code('abc.def.')).toBe('MALFORMED');
  });

  it('a real passport with its signature cut off (empty last run) is BAD_SIGNATURE', async () => {
    expect(await code(jws.slice(0, jws.lastIndexOf('.') + 1))).toBe('BAD_SIGNATURE');
  });

  it('three base64url runs that do not decode (length 1 mod 4) are MALFORMED', async () => {
    const [h, p, s] = jws.split('.') as [string, string, string];
    expect((s.length + 3) % 4).toBe(1);
    expect(await code(`${h}.${p}.${s}AAA`)).toBe('MALFORMED');
    expect(await code('a.b.c')).toBe('MALFORMED');
  });

  it.each([
    ['nothing after the prefix', 'CP1:/'],
    ['nothing after a lower-case prefix, with CR/LF', ' cp1:/\r\n'],
    ['an odd number of digits', () => `CP1:/${numeric(jws)}7`],
    ['a letter among the digits', () => `CP1:/${numeric(jws).slice(0, 10)}A${numeric(jws).slice(11)}`],
    ['a space among the digits', () => `CP1:/${numeric(jws).slice(0, 10)} ${numeric(jws).slice(10)}`],
    ['a digit pair above 77 (78 is "{")', () => `CP1:/78${numeric(jws).slice(2)}`],
    ['a digit pair of 99', () => `CP1:/${numeric(jws)}99`],
    ['a pair that is not a base64url character (02 is "/")', () => `CP1:/${numeric(jws)}02`],
    ['the bare JWS after the prefix', () => `CP1:/${jws}`],
    ['digits of only two runs', () => `CP1:/${numeric(jws.slice(0, jws.lastIndexOf('.')))}`],
  ])('CP1:/ with %s is MALFORMED', async (_label, text) => {
    expect(await code(typeof text === 'string' ? text : text())).toBe('MALFORMED');
  });
});

/** Signs a passport whose compact form is exactly `length` characters, padding an unknown header parameter. */
async function jwsOfLength(length: number, signer = scheme.es): Promise<string> {
  const b64Length = (value: object) => Math.ceil((Buffer.byteLength(JSON.stringify(value)) * 4) / 3);
  // both ES256 and Ed25519 signatures are 64 bytes: 86 characters; base64url lengths skip 1 mod 4, so the payload
  // gets one optional extra claim to reach every length
  for (const claims of [passportClaims(signer), passportClaims(signer, { x: 'y' })]) {
    for (let pad = 0; pad < 8_000; pad++) {
      const header = headerFor(signer.key, 'cp+jwt', { 'x-pad': 'p'.repeat(pad) });
      if (b64Length(header) + b64Length(claims) + 88 !== length) continue;
      const token = await signRaw(header, claims, signer.key.privateJwk);
      if (token.length === length) return token;
    }
  }
  throw new Error(`no token of length ${length}`);
}

describe('size limits (spec section 2): QR text at most 4,096 characters', () => {
  it('a bare JWS of 4,096 characters is accepted and one of 4,097 is MALFORMED', async () => {
    const at = await jwsOfLength(4096);
    const over = await jwsOfLength(4097);
    expect([at.length, over.length]).toEqual([4096, 4097]);
    expect(await code(at)).toBe('STATUS_UNKNOWN');
    expect(await code(over)).toBe('MALFORMED');
  });

  it('the limit is on the text, so a 2,046-character JWS is fine bare but MALFORMED as 4,097 characters of CP1:/', async () => {
    const short = await jwsOfLength(2045);
    const long = await jwsOfLength(2046);
    expect(`CP1:/${numeric(short)}`.length).toBe(4095);
    expect(await code(`CP1:/${numeric(short)}`)).toBe('STATUS_UNKNOWN');
    expect(`CP1:/${numeric(long)}`.length).toBe(4097);
    expect(await code(long)).toBe('STATUS_UNKNOWN');
    expect(await code(`CP1:/${numeric(long)}`)).toBe('MALFORMED');
  });

  it('white space around the text is trimmed first, so it does not count toward the 4,096', async () => {
    // spec section 2: surrounding white space is "the same passport"; the limit applies to what is left
    expect(await code(`\r\n${await jwsOfLength(4096)}\r\n`)).toBe('STATUS_UNKNOWN');
  });

  it('a too-long text with an unknown kid is MALFORMED (row 2 before row 3)', async () => {
    const strangerKey = await generateSigningKey('ES256');
    const stranger = { ...scheme.es, key: strangerKey };
    expect(await code(await jwsOfLength(4097, stranger))).toBe('MALFORMED');
  });
});

/** Good claims padded with an unknown claim to exactly `bytes` bytes of UTF-8. */
function claimsOfBytes(bytes: number, name = 'Jo Carer'): string {
  const base = passportClaims(scheme.es, { name });
  const size = (pad: number) => Buffer.byteLength(JSON.stringify({ ...base, note: 'n'.repeat(pad) }));
  const pad = bytes - size(0);
  const text = JSON.stringify({ ...base, note: 'n'.repeat(pad) });
  if (Buffer.byteLength(text) !== bytes) throw new Error('padding went wrong');
  return text;
}

describe('size limits (spec section 2): decoded payload at most 2,048 bytes', () => {
  it('a payload of 2,048 bytes is accepted and one of 2,049 is MALFORMED', async () => {
    expect(await code(await passportJws(scheme.es, claimsOfBytes(2048)))).toBe('STATUS_UNKNOWN');
    expect(await code(await passportJws(scheme.es, claimsOfBytes(2049)))).toBe('MALFORMED');
  });

  it('counts bytes, not characters: a payload under 2,048 characters but over 2,048 bytes is MALFORMED', async () => {
    const text = claimsOfBytes(2049, 'Zoë 😀 Ødegård');
    expect(text.length).toBeLessThan(2049);
    expect(await code(await passportJws(scheme.es, text))).toBe('MALFORMED');
  });

  it('an oversized payload is MALFORMED before its kid or signature is looked at', async () => {
    const strangerKey = await generateSigningKey('EdDSA');
    const token = await signRaw(headerFor(strangerKey, 'cp+jwt'), claimsOfBytes(2049), strangerKey.privateJwk);
    expect(await code(token)).toBe('MALFORMED');
    const bad = await passportJws(scheme.ed, claimsOfBytes(2049));
    expect(await code(`${bad.slice(0, -3)}AAA`)).toBe('MALFORMED');
  });
});

describe('a text far over the limit is refused on length first (issue 8, point 13)', () => {
  // 32 million UTF-16 units: trimming, matching or counting all of it took seconds; the verdicts are the table's
  const huge = (start: string, fill: string) => start + fill.repeat(Math.ceil((32_000_000 - start.length) / fill.length));

  it('32 million characters of emoji are NOT_A_PASSPORT (row 1), read only as far as the limit', async () => {
    const text = huge('', '😀');
    expect(readQrText(text)).toEqual({ kind: 'none' });
    expect(await verifyWith(scheme, text)).toEqual({ result: 'invalid', code: 'NOT_A_PASSPORT' });
  });

  it.each([
    ['CP1:/ and emoji', () => huge('CP1:/', '😀')],
    ['a lower-case prefix after white space, then digits', () => huge('\r\n cp1:/', '01')],
    ['a run of base64url characters', () => huge('', 'A')],
    ['a passport with 20 million characters appended to its last run', () => huge(jws, 'A')],
    ['a passport followed by far more white space than a scanner sends', () => huge(jws, ' ')],
  ])('%s: a passport shape far over the limit is MALFORMED (row 2)', async (_label, text) => {
    const made = text();
    expect(made.length).toBeGreaterThan(MAX_RAW_QR_UNITS);
    expect(readQrText(made)).toEqual({ kind: 'too-long' });
    expect(await code(made)).toBe('MALFORMED');
  });

  it('nothing but white space is NOT_A_PASSPORT, however long', async () => {
    expect(await code(huge('', '\n'))).toBe('NOT_A_PASSPORT');
  });

  it('near the limit the spec decides exactly: 4,096 characters after trimming pass, 4,097 do not', async () => {
    const at = await jwsOfLength(4096);
    const over = await jwsOfLength(4097);
    const padding = ' \t\r\n'.repeat(1_000); // 8,000 characters of white space around: still within MAX_RAW_QR_UNITS
    expect(`${padding}${at}${padding}`.length).toBeLessThanOrEqual(MAX_RAW_QR_UNITS);
    expect(await code(`${padding}${at}${padding}`)).toBe('STATUS_UNKNOWN');
    expect(await code(`${padding}${over}${padding}`)).toBe('MALFORMED');
    expect(await code(`\r\n${over}\r\n`)).toBe('MALFORMED');
  });

  it('counts code points, not UTF-16 units: 4,096 emoji after CP1:/ are over, 4,091 are at the limit', () => {
    expect(readQrText(`CP1:/${'😀'.repeat(4091)}`).kind).toBe('numeric'); // 4,096 code points, 8,187 units
    expect(readQrText(`CP1:/${'😀'.repeat(4092)}`)).toEqual({ kind: 'too-long' });
    expect(MAX_QR_TEXT_CHARS).toBe(4096);
  });
});
