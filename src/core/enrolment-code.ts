// Enrolment codes (issue 4): a short-lived JWT, typ cp-enrol+jwt, signed by the scheme's ROOT key, carrying the
// service URL, the partner id and a one-time secret. A device trusts the URL in it only when the signature verifies
// with a root it has pinned (decisions: "An enrolment QR is trusted only when it verifies against a pinned root").
// The claims are declared here once: src/server/devices/enrolment-codes.ts issues them, the app checks them.

import { parseClaims, parseCompactJws } from './jws.ts';
import { sharedKeyCache, type KeyCache } from './keys.ts';
import { isNumericDate, type NumericDate } from './numeric-date.ts';
import type { PinnedRoot } from './trust-bundle.ts';

export const ENROLMENT_CODE_TYP = 'cp-enrol+jwt';

export type EnrolmentCodeClaims = {
  /** The scheme's id (the trust bundle's iss). */
  iss: string;
  iat: NumericDate;
  exp: NumericDate;
  /** The one-time secret the service marks used. */
  jti: string;
  /** The service's base URL, without a trailing slash. */
  svc: string;
  /** The partner the device is enrolled for. */
  partner: string;
};

/** The same problem codes as the service's own check, so app and service say the same thing about a code. */
export type EnrolmentCodeProblem = 'malformed' | 'bad-signature' | 'expired';

export type EnrolmentCodeCheck = { ok: true; claims: EnrolmentCodeClaims } | { ok: false; problem: EnrolmentCodeProblem };

export type EnrolmentCodeOptions = {
  roots: readonly PinnedRoot[];
  now: NumericDate;
  keyCache?: KeyCache;
};

/** A code is small; anything much larger is not one (and is not worth verifying). */
const MAX_CODE_CHARS = 4096;

export async function verifyEnrolmentCode(code: string, options: EnrolmentCodeOptions): Promise<EnrolmentCodeCheck> {
  const compact = code.trim();
  if (compact.length > MAX_CODE_CHARS) return { ok: false, problem: 'malformed' };
  const parsed = parseCompactJws(compact, { typ: ENROLMENT_CODE_TYP });
  if (!parsed.ok) return { ok: false, problem: 'malformed' };
  const { header, signingInput, payload, signature } = parsed.jws;
  // the key comes only from the pinned configuration, never from the token (spec section 1)
  const root = options.roots.find((r) => r.kid === header.kid);
  if (!root) return { ok: false, problem: 'bad-signature' };
  const cache = options.keyCache ?? sharedKeyCache;
  const signed = await cache.verify(header.alg, { ...root.jwk, kid: root.kid }, compact, signingInput, signature);
  if (!signed) return { ok: false, problem: 'bad-signature' };

  const claims = parseClaims(payload);
  if (!claims) return { ok: false, problem: 'malformed' };
  const { iss, iat, exp, jti, svc, partner } = claims;
  if (typeof iss !== 'string' || typeof jti !== 'string' || typeof partner !== 'string' || typeof svc !== 'string') {
    return { ok: false, problem: 'malformed' };
  }
  if (!isNumericDate(iat) || !isNumericDate(exp)) return { ok: false, problem: 'malformed' };
  if (!isServiceUrl(svc)) return { ok: false, problem: 'malformed' };
  // as the service judges it: no skew, past exp is expired
  if (options.now > exp) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { iss, iat, exp, jti, svc: svc.replace(/\/+$/, ''), partner } };
}

/** The device will send its records there: an http(s) address with no credentials, query or fragment. */
function isServiceUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
}
