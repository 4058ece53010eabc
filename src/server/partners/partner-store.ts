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
      `INSERT INTO partners (id, name, kind, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, time_zone = EXCLUDED.time_zone`,
      [profile.id, profile.name, profile.kind, profile.timeZone],
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

export async function partnerProfile(q: Queryable, id: string): Promise<PartnerProfile | undefined> {
  const [partner] = await q.query<{ id: string; name: string; kind: PartnerKind; time_zone: string }>(
    'SELECT id, name, kind, time_zone FROM partners WHERE id = $1',
    [id],
  );
  if (!partner) return undefined;
  const offers = await q.query<{ offer: Offer }>('SELECT offer FROM offers WHERE partner_id = $1 ORDER BY position', [id]);
  const [group] = await q.query<{ group_id: string; group_name: string }>('SELECT group_id, group_name FROM partner_groups WHERE partner_id = $1', [id]);
  return {
    id: partner.id, name: partner.name, kind: partner.kind, timeZone: partner.time_zone, offers: offers.map((o) => o.offer),
    ...(group ? { group: { id: group.group_id, name: group.group_name } } : {}),
  };
}

export async function listPartners(q: Queryable): Promise<PartnerProfile[]> {
  const ids = await q.query<{ id: string }>('SELECT id FROM partners ORDER BY name, id');
  const profiles: PartnerProfile[] = [];
  for (const { id } of ids) {
    const profile = await partnerProfile(q, id);
    if (profile) profiles.push(profile);
  }
  return profiles;
}
