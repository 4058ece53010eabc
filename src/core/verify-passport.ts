// QR text -> verdict, in the exact order of spec section 5. Fully offline: trust data and time come in as arguments.

import { utf8 } from './base64url.ts';
import { parseClaims, parseCompactJwsBytes, type ParseOptions } from './jws.ts';
import { sharedKeyCache, type KeyCache } from './keys.ts';
import type { NumericDate } from './numeric-date.ts';
import { readPassportClaims } from './passport-claims.ts';
import { numericToJwsBytesReused } from './qr-numeric.ts';
import { readQrText } from './qr-text.ts';
import { STATUS_SUSPENDED, STATUS_VALID, isStatusListStale, statusAt, type StatusListSet } from './status-list.ts';
import { isBundleStale, type TrustBundle } from './trust-bundle.ts';
import type { Passport, Verdict } from './verdict.ts';

export const DEFAULT_CLOCK_SKEW = 300;
export const MAX_PAYLOAD_BYTES = 2048;
/** An ES256 or EdDSA signature's bytes (spec section 1). */
const SIGNATURE_BYTES = 64;
/**
 * Payload and signature are decoded into the same buffers scan after scan (as the JWS bytes are: see below): arrays
 * allocated each scan cost more than the decoding, and both are read before the first await (the signature by
 * verifySignature, which reads its bytes before it returns).
 */
const PASSPORT_JWS: ParseOptions = {
  typ: 'cp+jwt',
  maxPayloadBytes: MAX_PAYLOAD_BYTES,
  reuse: { payload: new Uint8Array(MAX_PAYLOAD_BYTES), signature: new Uint8Array(SIGNATURE_BYTES) },
};

export type VerificationContext = {
  bundle: TrustBundle;
  statusLists: StatusListSet;
  now: NumericDate;
  /** Allowed clock skew for a passport's nbf and exp, in seconds. */
  skew?: number;
  /** Its verifySignature must read the bytes before it returns, as KeyCache's does: the next scan reuses them. */
  keyCache?: KeyCache;
};

export async function verifyPassport(qrText: string, context: VerificationContext): Promise<Verdict> {
  const { bundle, statusLists, now } = context;
  const skew = context.skew ?? DEFAULT_CLOCK_SKEW;

  // row 1, then the size limit of row 2 before any other work: a text far over it is never read through
  const shape = readQrText(qrText);
  if (shape.kind === 'none') return { result: 'invalid', code: 'NOT_A_PASSPORT' };
  if (shape.kind === 'too-long') return { result: 'invalid', code: 'MALFORMED' };
  // the JWS's characters as bytes (a bare JWS is ASCII, row 1): parsed where they lie, the signed part never copied.
  // The numeric form's are in a buffer the next scan reuses: all of it is read before the first await (the signing
  // input by verifySignature, which reads its bytes before it returns).
  const jws = shape.kind === 'numeric' ? numericToJwsBytesReused(shape.digits) : utf8(shape.jws);
  if (jws === undefined) return { result: 'invalid', code: 'MALFORMED' };
  const parsed = parseCompactJwsBytes(jws, PASSPORT_JWS);
  if (!parsed.ok) return { result: 'invalid', code: 'MALFORMED' }; // row 2
  const { header, signingInput, payload, signature } = parsed.jws;

  const holder = bundle.keysByKid.get(header.kid);
  if (!holder) return { result: 'invalid', code: 'UNTRUSTED_ISSUER' }; // row 3
  const keyCache = context.keyCache ?? sharedKeyCache;
  const signed = keyCache.verifySignature(header.alg, holder.key, signingInput, signature);
  // read while WebCrypto checks the signature; judged only after it (row 5 comes after row 4)
  const rawClaims = parseClaims(payload);
  const claims = rawClaims && readPassportClaims(rawClaims);
  if (!(await signed)) return { result: 'invalid', code: 'BAD_SIGNATURE' }; // row 4
  if (!claims) return { result: 'invalid', code: 'MALFORMED' }; // row 5
  const { issuer } = holder;
  if (claims.iss !== issuer.iss || !issuer.cats.includes(claims.cat)) {
    return { result: 'invalid', code: 'UNTRUSTED_ISSUER' }; // row 6
  }
  if (now + skew < claims.nbf) return { result: 'invalid', code: 'NOT_YET_VALID' }; // row 7
  if (now - skew >= claims.exp) return { result: 'invalid', code: 'EXPIRED' }; // row 8

  const list = statusLists.find(claims.status.uri, issuer.iss);
  const status = list && statusAt(list, claims.status.idx);
  if (list && (status === undefined || (status !== STATUS_VALID && status !== STATUS_SUSPENDED))) {
    return { result: 'invalid', code: 'REVOKED' }; // row 9
  }
  if (status === STATUS_SUSPENDED) return { result: 'invalid', code: 'SUSPENDED' }; // row 10

  const passport: Passport = {
    iss: claims.iss,
    issuer: issuer.name,
    jti: claims.jti,
    name: claims.name,
    cat: claims.cat,
    nbf: claims.nbf,
    exp: claims.exp,
  };
  if (!list) return { result: 'warning', code: 'STATUS_UNKNOWN', passport }; // row 11
  if (isStatusListStale(list, now, bundle.statusMaxAge)) return { result: 'warning', code: 'STATUS_STALE', passport }; // row 12
  if (isBundleStale(bundle, now)) return { result: 'warning', code: 'TRUST_STALE', passport }; // row 13
  return { result: 'valid', code: 'VALID', passport };
}
