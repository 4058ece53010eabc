// Compact JWS parsing and the header rules common to all three documents (spec section 1).

import { byteText, decodeBase64url, decodeBase64urlBytes, fromUtf8, parseJsonObject, utf8 } from './base64url.ts';

export type Alg = 'ES256' | 'EdDSA';
export const ALLOWED_ALGS: readonly Alg[] = ['ES256', 'EdDSA'];

/** Header parameters that would let a token choose its own key, or change how it is processed. */
const FORBIDDEN_HEADER_PARAMS = ['jwk', 'jku', 'x5u', 'x5c', 'crit', 'b64'] as const;

/** A signature of no bytes: verifies under no key. Stands for a signature whose text is not canonical base64url. */
const NEVER_VERIFIES = new Uint8Array(0);

export type ProtectedHeader = { alg: Alg; kid: string; typ: string };

export type ParsedJws = {
  header: ProtectedHeader;
  /** The ASCII bytes of `header.payload`, what the signature covers (a view of the bytes parsed, not a copy). */
  signingInput: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
};

export type JwsProblem =
  | 'shape'
  | 'base64url'
  | 'header-json'
  | 'alg'
  | 'kid'
  | 'typ'
  | 'forbidden-header'
  | 'payload-too-large';

export type JwsParse = { ok: true; jws: ParsedJws } | { ok: false; problem: JwsProblem };

/** RFC 7515 4.1.9: compared without regard to case, with or without an `application/` prefix. */
export function normaliseTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

/** The normalised `typ` of a compact JWS's protected header, to tell the documents apart; nothing is verified. */
export function readTyp(compact: string): string | undefined {
  const headerPart = compact.trim().split('.')[0] ?? '';
  const bytes = decodeBase64url(headerPart, 'loose');
  const text = bytes && fromUtf8(bytes);
  const header = text === undefined ? undefined : parseJsonObject(text);
  return typeof header?.typ === 'string' ? normaliseTyp(header.typ) : undefined;
}

/** The `kid` of a compact JWS's protected header, unverified (to find which pinned root signed a held token). */
export function readHeaderKid(compact: string): string | undefined {
  const bytes = decodeBase64url(compact.split('.')[0] ?? '', 'loose');
  const text = bytes && fromUtf8(bytes);
  const header = text === undefined ? undefined : parseJsonObject(text);
  return typeof header?.kid === 'string' ? header.kid : undefined;
}

export type ParseOptions = {
  typ: string;
  maxPayloadBytes?: number;
  /**
   * Buffers the payload and the signature are decoded into when they fit, instead of new arrays: for a caller done
   * with both before it next yields (verifyPassport reads the claims at once, and WebCrypto copies the signature).
   * A new array costs more than its decoding (one of a payload's size is allocated outside the JavaScript heap).
   */
  reuse?: { payload: Uint8Array; signature: Uint8Array };
};

/** Parses a compact JWS and applies the header rules of section 1; the payload is not parsed here. */
export function parseCompactJws(compact: string, options: ParseOptions): JwsParse {
  // a character that is not ASCII becomes bytes of 0x80 or more, none of them a dot or base64url: the same answer
  return parseCompactJwsBytes(utf8(compact), options);
}

const DOT = 0x2e;

/**
 * parseCompactJws over the JWS's characters as bytes (see numericToJwsBytes): each part is decoded where it lies, and
 * the signing input is a view of the same bytes, handed to WebCrypto with no copy.
 */
export function parseCompactJwsBytes(jws: Uint8Array, options: ParseOptions): JwsParse {
  const headerEnd = jws.indexOf(DOT);
  const payloadEnd = headerEnd < 0 ? -1 : jws.indexOf(DOT, headerEnd + 1);
  if (payloadEnd < 0 || jws.indexOf(DOT, payloadEnd + 1) >= 0) return { ok: false, problem: 'shape' }; // not 3 parts
  // Loose decoding: the signature covers the text of header and payload, so a re-encoded header or payload fails at
  // the signature (BAD_SIGNATURE), like any other tampering; a re-encoded signature is made to fail there too. The
  // decoder refuses any character outside the base64url alphabet, so no pattern is matched first.
  const payload = decodeBase64urlBytes(jws, headerEnd + 1, payloadEnd, 'loose', options.reuse?.payload);
  // canonical first (every signature a signer makes is); a second, loose read only to tell a re-encoded one from garbage
  const signatureStart = payloadEnd + 1;
  const signature =
    decodeBase64urlBytes(jws, signatureStart, jws.length, 'canonical', options.reuse?.signature) ??
    (decodeBase64urlBytes(jws, signatureStart, jws.length, 'loose') ? NEVER_VERIFIES : undefined);
  const header = readHeader(jws.subarray(0, headerEnd), options.typ);
  if (header === 'base64url' || !payload || !signature) return { ok: false, problem: 'base64url' };
  if (typeof header === 'string') return { ok: false, problem: header };
  if (options.maxPayloadBytes !== undefined && payload.length > options.maxPayloadBytes) {
    return { ok: false, problem: 'payload-too-large' };
  }
  return { ok: true, jws: { header, signingInput: jws.subarray(0, payloadEnd), payload, signature } };
}

/**
 * Header parts read lately, with what they read as, by expected typ: every passport signed with one key carries the
 * same header part, so a till scanning all day decodes and checks it once (the result is a pure function of the text).
 */
const readHeaders = new Map<string, ProtectedHeader | JwsProblem>();
const READ_HEADERS_KEPT = 64;
const HEADER_CHARS_KEPT = 512;
/** The header part read last, compared byte for byte before any key is built: a till's next scan nearly always has it. */
let lastHeader: { expectedTyp: string; headerPart: Uint8Array; read: ProtectedHeader | JwsProblem } | undefined;

/** The header part (its characters as bytes) read and checked against the rules of section 1, or the problem with it. */
function readHeader(headerPart: Uint8Array, expectedTyp: string): ProtectedHeader | JwsProblem {
  if (lastHeader && lastHeader.expectedTyp === expectedTyp && sameBytes(lastHeader.headerPart, headerPart)) return lastHeader.read;
  if (headerPart.length > HEADER_CHARS_KEPT) return readHeaderOnce(headerPart, expectedTyp);
  const key = `${expectedTyp}\n${byteText(headerPart)}`;
  let read = readHeaders.get(key);
  if (read === undefined) {
    read = readHeaderOnce(headerPart, expectedTyp);
    if (readHeaders.size >= READ_HEADERS_KEPT) readHeaders.clear();
    readHeaders.set(key, read);
  }
  lastHeader = { expectedTyp, headerPart: headerPart.slice(), read }; // a copy: the caller's bytes may change
  return read;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readHeaderOnce(headerPart: Uint8Array, expectedTyp: string): ProtectedHeader | JwsProblem {
  const bytes = decodeBase64urlBytes(headerPart, 0, headerPart.length, 'loose');
  if (!bytes) return 'base64url';
  const text = fromUtf8(bytes);
  const header = text === undefined ? undefined : parseJsonObject(text);
  if (!header) return 'header-json';
  return checkHeader(header, expectedTyp) ?? Object.freeze({ alg: header.alg as Alg, kid: header.kid as string, typ: header.typ as string });
}

function checkHeader(header: Record<string, unknown>, expectedTyp: string): JwsProblem | undefined {
  for (const name of FORBIDDEN_HEADER_PARAMS) {
    if (Object.hasOwn(header, name)) return 'forbidden-header';
  }
  if (typeof header.alg !== 'string' || !(ALLOWED_ALGS as readonly string[]).includes(header.alg)) return 'alg';
  if (typeof header.kid !== 'string' || header.kid.length === 0) return 'kid';
  if (typeof header.typ !== 'string' || normaliseTyp(header.typ) !== expectedTyp) return 'typ';
  return undefined;
}

/** Parses a verified payload as a JSON object of claims. */
export function parseClaims(payload: Uint8Array): Record<string, unknown> | undefined {
  const text = fromUtf8(payload);
  return text === undefined ? undefined : parseJsonObject(text);
}
