// First run of the demo: the two demo issuers' passports (the same numbers and status indices as the app's demo data,
// src/demo), three partners with offers, a till per partner, and some weeks of redemptions so the reports show
// something. Runs only on an empty register.

import { randomBytes, randomUUID } from 'node:crypto';
import { demoPassportPlan, type DemoPassportState } from '../../demo/demo-scheme.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import { hashToken } from '../devices/device-store.ts';
import { savePartner } from '../partners/partner-store.ts';
import { createStatusList, signList } from '../publication/status-lists.ts';
import { audit } from '../register/audit-log.ts';
import { summariseRedemptions, type Summarised } from '../reports/report-summaries.ts';
import { demoPartnerProfiles } from './demo-partners.ts';

const DAY = 86_400;
const YEAR = 31_557_600;
const ACTOR = 'seed';

export async function seedDemoIfEmpty(ctx: SchemeContext): Promise<boolean> {
  const [any] = await ctx.db.query('SELECT 1 FROM passports LIMIT 1');
  if (any) return false;
  const now = ctx.now();
  const partners: { id: string; offers: string[] }[] = [];
  for (const value of demoPartnerProfiles()) {
    const saved = await savePartner(ctx, value, ACTOR);
    if (!saved.ok) throw new Error(`a demo partner is broken: ${saved.problem}`);
    partners.push({ id: saved.profile.id, offers: saved.profile.offers.map((o) => o.id) });
  }
  const plan = demoPassportPlan();
  await ctx.db.transaction(async (tx) => {
    for (const issuer of ctx.keys.issuers) {
      const [existing] = await tx.query<{ id: number }>('SELECT id FROM status_lists WHERE iss = $1 AND number = 1', [issuer.iss]);
      const listId = existing?.id ?? (await createStatusList(tx, ctx, issuer.iss)).id;
      const mine = plan.filter((p) => p.iss === issuer.iss);
      for (const [n, p] of mine.entries()) {
        const issuedAt = now - (180 - n * 9) * DAY; // spread over six months, for the monthly report
        const { nbf, exp } = datesFor(p.state, now, issuedAt);
        const status = p.state === 'revoked' ? 1 : p.state === 'suspended' ? 2 : 0;
        await tx.query(
          `INSERT INTO passports (iss, jti, category, name, nbf, exp, status_list_id, status_idx, status, issued_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
          [p.iss, p.jti, p.cat, ctx.keepNames ? p.name : null, nbf, exp, listId, p.statusIdx, status, toDate(issuedAt)],
        );
        if (status !== 0) await tx.query('UPDATE status_lists SET statuses = set_byte(statuses, $2, $3) WHERE id = $1', [listId, p.statusIdx, status]);
        await audit(tx, issuedAt, { actor: ACTOR, action: 'passport.issue', iss: p.iss, jti: p.jti, detail: { cat: p.cat, nbf, exp } });
        if (status === 1) await audit(tx, issuedAt + 40 * DAY, { actor: ACTOR, action: 'passport.revoke', iss: p.iss, jti: p.jti });
        if (status === 2) await audit(tx, issuedAt + 20 * DAY, { actor: ACTOR, action: 'passport.suspend', iss: p.iss, jti: p.jti });
      }
      const next = Math.max(...mine.map((p) => p.statusIdx)) + 1;
      await tx.query('UPDATE status_lists SET next_idx = GREATEST(next_idx, $2) WHERE id = $1', [listId, next]);
      await signList(tx, ctx, listId);
    }
    await seedRedemptions(tx, now, partners, plan.filter((p) => p.state === 'valid'));
  });
  return true;
}

function datesFor(state: DemoPassportState, now: number, issuedAt: number): { nbf: number; exp: number } {
  if (state === 'expired') return { nbf: now - 3 * YEAR, exp: now - 30 * DAY };
  if (state === 'not-yet-valid') return { nbf: now + 14 * DAY, exp: now + 14 * DAY + 3 * YEAR };
  return { nbf: issuedAt, exp: issuedAt + 3 * YEAR };
}

/** One demo till per partner (its token is thrown away) and about eight weeks of redemptions. */
async function seedRedemptions(
  tx: Parameters<Parameters<SchemeContext['db']['transaction']>[0]>[0],
  now: number,
  partners: { id: string; offers: string[] }[],
  passports: { iss: string; jti: string }[],
): Promise<void> {
  let k = 0;
  const seeded: Summarised[] = [];
  for (const partner of partners) {
    const deviceId = `dev-demo-${partner.id}`.slice(0, 60);
    await tx.query('INSERT INTO devices (id, partner_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
      deviceId, partner.id, 'Demo till (seeded)', hashToken(randomBytes(32).toString('base64url')), toDate(now - 60 * DAY),
    ]);
    for (let i = 0; i < 40; i++, k++) {
      const passport = passports[(k * 7) % passports.length]!;
      const at = now - ((k * 13) % 56) * DAY - ((k * 37) % 600) * 60;
      await tx.query(
        `INSERT INTO redemptions (id, redeemed_at, offer_id, partner_id, device_id, iss, jti, verdict, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'VALID', $2)`,
        [randomUUID(), toDate(at), partner.offers[i % partner.offers.length]!, partner.id, deviceId, passport.iss, passport.jti],
      );
      seeded.push({ redeemedAt: toDate(at).toISOString(), partnerId: partner.id, offerId: partner.offers[i % partner.offers.length]!, iss: passport.iss, jti: passport.jti });
    }
  }
  await summariseRedemptions(tx, seeded);
}
