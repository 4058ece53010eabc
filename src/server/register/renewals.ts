// Renewals (issue 10): passports that expire in the next days or expired lately, for a mail-merge, and renewal in
// bulk. A renewal keeps the number and status index (decisions: renewal) and runs from the old expiry when that is
// still ahead, so renewing early loses the carer no days.

import { MAX_VALIDITY_SECONDS } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { findPassport, PASSPORT_YEARS, renewPassport, type PassportStatus } from './passport-register.ts';

const DAY = 86_400;
const YEAR = 31_557_600;

export type RenewalEntry = {
  iss: string;
  issuerName: string;
  jti: string;
  name: string | null;
  cat: string;
  exp: number;
  /** The expiry day (UTC), as the admin page shows it. */
  expiry: string;
  /** Due: expires within the window; expired: already past its expiry. */
  due: 'expiring' | 'expired';
  status: PassportStatus;
};

export type RenewalWindow = { within: number; expiredWithin: number };

/** Revoked passports are never due: they cannot be renewed. Soonest expiry first. */
export async function listRenewals(q: Queryable, now: number, window: RenewalWindow): Promise<RenewalEntry[]> {
  const rows = await q.query<{ iss: string; issuer_name: string | null; jti: string; name: string | null; category: string; exp: string | number; status: number }>(
    `SELECT p.iss, i.name AS issuer_name, p.jti, p.name, p.category, p.exp, p.status
       FROM passports p LEFT JOIN issuers i ON i.iss = p.iss
      WHERE p.exp > $1 AND p.exp <= $2 AND p.status <> 1
      ORDER BY p.exp, p.iss, p.jti`,
    [now - window.expiredWithin * DAY, now + window.within * DAY],
  );
  return rows.map((r) => {
    const exp = Number(r.exp);
    return {
      iss: r.iss, issuerName: r.issuer_name ?? r.iss, jti: r.jti, name: r.name, cat: r.category, exp,
      expiry: new Date(exp * 1000).toISOString().slice(0, 10),
      due: exp <= now ? 'expired' : 'expiring',
      status: r.status === 2 ? 'suspended' : 'valid',
    };
  });
}

export const RENEWAL_COLUMNS = ['name', 'number', 'issuer', 'expiry', 'status'] as const;

/** The mail-merge's rows: name, number, issuer, expiry, status ("expiring", "expired", "expired, suspended"). */
export function renewalRows(entries: readonly RenewalEntry[]): Record<(typeof RENEWAL_COLUMNS)[number], string>[] {
  return entries.map((e) => ({
    name: e.name ?? '',
    number: e.jti,
    issuer: e.issuerName,
    expiry: e.expiry,
    status: e.status === 'suspended' ? `${e.due}, suspended` : e.due,
  }));
}

export type BulkRenewal = {
  renewed: { iss: string; jti: string; exp: number; expiry: string }[];
  refused: { iss: string; jti: string; reason: string }[];
};

/** Renews each passport for `years` through the register (its checks and audit); one refused never stops the rest. */
export async function renewMany(ctx: SchemeContext, passports: readonly { iss: string; jti: string }[], options: { years?: number; actor: string }): Promise<BulkRenewal> {
  const years = options.years ?? PASSPORT_YEARS;
  const result: BulkRenewal = { renewed: [], refused: [] };
  for (const { iss, jti } of passports) {
    const now = ctx.now();
    const entry = await findPassport(ctx.db, iss, jti);
    if (!entry) {
      result.refused.push({ iss, jti, reason: `no passport ${jti} of ${iss}` });
      continue;
    }
    const exp = Math.min(Math.max(now, entry.exp) + Math.round(years * YEAR), now + MAX_VALIDITY_SECONDS);
    const renewed = await renewPassport(ctx, { iss, jti, nbf: now, exp, actor: options.actor });
    if (renewed.ok) result.renewed.push({ iss, jti, exp, expiry: new Date(exp * 1000).toISOString().slice(0, 10) });
    else result.refused.push({ iss, jti, reason: renewed.problem });
  }
  return result;
}
