// Enrolment codes (issue 4): a short-lived JWT, typ cp-enrol+jwt, signed by the ROOT key, so an app that pins the
// root can trust the service URL it carries. Its jti is a one-time secret: the service marks it used.

import { randomBytes } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { algOf, parseClaims, parseCompactJws, signCompact, type PublicJwk } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import { audit } from '../register/audit-log.ts';
import { rootPublicKeys } from '../publication/trust-bundle.ts';

export const ENROLMENT_TYP = 'cp-enrol+jwt';
export const ENROLMENT_LIFETIME = 24 * 3600;

export type EnrolmentClaims = { iss: string; iat: number; exp: number; jti: string; svc: string; partner: string };

export async function createEnrolmentCode(
  ctx: SchemeContext,
  partnerId: string,
  actor: string,
  lifetime = ENROLMENT_LIFETIME,
): Promise<{ ok: true; code: string; claims: EnrolmentClaims } | { ok: false; problem: string }> {
  const [partner] = await ctx.db.query('SELECT 1 FROM partners WHERE id = $1', [partnerId]);
  if (!partner) return { ok: false, problem: `no partner ${partnerId}` };
  const iat = ctx.now();
  const claims: EnrolmentClaims = {
    iss: ctx.keys.schemeId,
    iat,
    exp: iat + lifetime,
    jti: randomBytes(16).toString('base64url'),
    svc: ctx.publicUrl,
    partner: partnerId,
  };
  const code = await signCompact(claims, ENROLMENT_TYP, ctx.keys.root);
  await ctx.db.transaction(async (tx) => {
    await tx.query('INSERT INTO enrolment_codes (jti, partner_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      claims.jti, partnerId, toDate(iat), toDate(claims.exp),
    ]);
    // the code itself is a secret until used: the audit names the partner only
    await audit(tx, iat, { actor, action: 'enrolment-code.create', partnerId });
  });
  return { ok: true, code, claims };
}

export type CodeCheck = { ok: true; claims: EnrolmentClaims } | { ok: false; problem: 'malformed' | 'bad-signature' | 'expired' };

/** Checks the signature against the service's roots and the dates; one-time use is checked when it is redeemed. */
export async function verifyEnrolmentCode(ctx: SchemeContext, code: string): Promise<CodeCheck> {
  const parsed = parseCompactJws(code.trim(), { typ: ENROLMENT_TYP });
  if (!parsed.ok) return { ok: false, problem: 'malformed' };
  const roots = await rootPublicKeys(ctx);
  const root = roots.find((r) => (r as PublicJwk & { kid?: string }).kid === parsed.jws.header.kid);
  if (!root || algOf(root) !== parsed.jws.header.alg) return { ok: false, problem: 'bad-signature' };
  try {
    await compactVerify(code.trim(), await importJWK({ ...root }, parsed.jws.header.alg), { algorithms: ['ES256', 'EdDSA'] });
  } catch {
    return { ok: false, problem: 'bad-signature' };
  }
  const claims = parseClaims(parsed.jws.payload);
  if (!claims) return { ok: false, problem: 'malformed' };
  const { iss, iat, exp, jti, svc, partner } = claims;
  if (typeof jti !== 'string' || typeof partner !== 'string' || typeof exp !== 'number' || typeof iat !== 'number' || typeof svc !== 'string' || typeof iss !== 'string') {
    return { ok: false, problem: 'malformed' };
  }
  if (ctx.now() > exp) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { iss, iat, exp, jti, svc, partner } };
}
