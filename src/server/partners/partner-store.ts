// Partners and their offers, kept in the core's PartnerProfile shape (src/core/partner-profile.ts).

import { readPartnerProfile, type Offer, type PartnerKind, type PartnerProfile } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { audit } from '../register/audit-log.ts';

/** Creates or replaces a partner and its offers; the profile is checked by the core's reader first. */
export async function savePartner(
  ctx: SchemeContext,
  value: unknown,
  actor: string,
): Promise<{ ok: true; profile: PartnerProfile } | { ok: false; problem: string }> {
  const read = readPartnerProfile(value);
  if (!read.ok) return read;
  const { profile } = read;
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO partners (id, name, kind, time_zone, address, area) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, time_zone = EXCLUDED.time_zone,
           address = EXCLUDED.address, area = EXCLUDED.area`,
      [profile.id, profile.name, profile.kind, profile.timeZone, profile.address ?? null, profile.area ?? null],
    );
    // issue 11 point 2: the group (a hospital trust) whose devices share stays
    await tx.query('DELETE FROM partner_groups WHERE partner_id = $1', [profile.id]);
    if (profile.group) {
      await tx.query('INSERT INTO partner_groups (partner_id, group_id, group_name) VALUES ($1, $2, $3)', [profile.id, profile.group.id, profile.group.name]);
    }
    await tx.query('DELETE FROM offers WHERE partner_id = $1', [profile.id]);
    for (const [position, offer] of profile.offers.entries()) {
      await tx.query('INSERT INTO offers (partner_id, id, position, offer) VALUES ($1, $2, $3, $4)', [
        profile.id, offer.id, position, JSON.stringify(offer),
      ]);
    }
    await audit(tx, ctx.now(), { actor, action: 'partner.save', partnerId: profile.id, detail: { offers: profile.offers.length } });
  });
  return { ok: true, profile };
}

type PartnerRow = { id: string; name: string; kind: PartnerKind; time_zone: string; address: string | null; area: string | null };

export async function partnerProfile(q: Queryable, id: string): Promise<PartnerProfile | undefined> {
  const [partner] = await q.query<PartnerRow>('SELECT id, name, kind, time_zone, address, area FROM partners WHERE id = $1', [id]);
  if (!partner) return undefined;
  const offers = await q.query<{ offer: Offer }>('SELECT offer FROM offers WHERE partner_id = $1 ORDER BY position', [id]);
  const [group] = await q.query<{ group_id: string; group_name: string }>('SELECT group_id, group_name FROM partner_groups WHERE partner_id = $1', [id]);
  return { ...profileOf(partner, offers.map((o) => o.offer)), ...(group ? { group: { id: group.group_id, name: group.group_name } } : {}) };
}

/** Every partner with its offers, in two queries (the public directory reads this on every miss). */
export async function listPartners(q: Queryable): Promise<PartnerProfile[]> {
  const partners = await q.query<PartnerRow>('SELECT id, name, kind, time_zone, address, area FROM partners ORDER BY name, id');
  const offers = await q.query<{ partner_id: string; offer: Offer }>('SELECT partner_id, offer FROM offers ORDER BY partner_id, position');
  const byPartner = new Map<string, Offer[]>();
  for (const row of offers) byPartner.set(row.partner_id, [...(byPartner.get(row.partner_id) ?? []), row.offer]);
  return partners.map((p) => profileOf(p, byPartner.get(p.id) ?? []));
}

function profileOf(row: PartnerRow, offers: Offer[]): PartnerProfile {
  return {
    id: row.id, name: row.name, kind: row.kind, timeZone: row.time_zone, offers,
    ...(row.address ? { address: row.address } : {}),
    ...(row.area ? { area: row.area } : {}),
  };
}
