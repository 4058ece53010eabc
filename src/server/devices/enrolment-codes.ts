// Enrolment codes (issue 4): a short-lived JWT, typ cp-enrol+jwt, signed by the ROOT key, so an app that pins the
// root can trust the service URL it carries. Its jti is a one-time secret: the service marks it used.

import { randomBytes } from 'node:crypto';
import { pinRoot, signCompact } from '../../core/index.ts';
import {
  ENROLMENT_CODE_TYP,
  verifyEnrolmentCode as verifyCoreEnrolmentCode,
  type EnrolmentCodeCheck,
  type EnrolmentCodeClaims,
} from '../../core/enrolment-code.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import { audit } from '../register/audit-log.ts';
import { rootPublicKeys } from '../publication/trust-bundle.ts';

export const ENROLMENT_LIFETIME = 24 * 3600;

export async function createEnrolmentCode(
  ctx: SchemeContext,
  partnerId: string,
  actor: string,
  lifetime = ENROLMENT_LIFETIME,
): Promise<{ ok: true; code: string; claims: EnrolmentCodeClaims } | { ok: false; problem: string }> {
  const [partner] = await ctx.db.query('SELECT 1 FROM partners WHERE id = $1', [partnerId]);
  if (!partner) return { ok: false, problem: `no partner ${partnerId}` };
  const iat = ctx.now();
  const claims: EnrolmentCodeClaims = {
    iss: ctx.keys.schemeId,
    iat,
    exp: iat + lifetime,
    jti: randomBytes(16).toString('base64url'),
    svc: ctx.publicUrl,
    partner: partnerId,
  };
  const code = await signCompact(claims, ENROLMENT_CODE_TYP, ctx.keys.root);
  await ctx.db.transaction(async (tx) => {
    await tx.query('INSERT INTO enrolment_codes (jti, partner_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      claims.jti, partnerId, toDate(iat), toDate(claims.exp),
    ]);
    // the code itself is a secret until used: the audit names the partner only
    await audit(tx, iat, { actor, action: 'enrolment-code.create', partnerId });
  });
  return { ok: true, code, claims };
}

export type CodeCheck = EnrolmentCodeCheck;

/** Checks the signature against the service's roots and the dates, with the core's check that the app also runs. */
export async function verifyEnrolmentCode(ctx: SchemeContext, code: string): Promise<CodeCheck> {
  const roots = (await Promise.all((await rootPublicKeys(ctx)).map((jwk) => pinRoot(jwk)))).filter((r) => r !== undefined);
  return verifyCoreEnrolmentCode(code, { roots, now: ctx.now() });
}
