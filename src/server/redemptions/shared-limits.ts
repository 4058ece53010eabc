// Limits across a partner's devices (issue 11 point 1): the partner's recent records for its devices, and the flag
// on a record given beyond its limit (two tills offline at once). The counting itself is the core's.

import { findOverLimit, sharedWindowSeconds, type PartnerProfile, type RedemptionRecord, type SharedRedemption } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';
import { toDate } from '../context.ts';

type Row = { id: string; iss: string; jti: string; offer_id: string; redeemed_at: Date | string; over_limit: boolean };

const toShared = (r: Row): SharedRedemption => ({
  id: String(r.id).toLowerCase(),
  iss: r.iss,
  jti: r.jti,
  offerId: r.offer_id,
  redeemedAt: new Date(r.redeemed_at).toISOString(),
  ...(r.over_limit ? { overLimit: true as const } : {}),
});

/** The partner's records of limited offers within the longest limit period plus a day, oldest first. */
export async function recentRedemptions(q: Queryable, profile: PartnerProfile, now: number): Promise<SharedRedemption[]> {
  const window = sharedWindowSeconds(profile);
  const limited = profile.offers.filter((o) => o.limit.kind === 'per-period').map((o) => o.id);
  if (window === 0 || limited.length === 0) return [];
  const rows = await q.query<Row>(
    `SELECT id, iss, jti, offer_id, redeemed_at, over_limit FROM redemptions
      WHERE partner_id = $1 AND offer_id = ANY($2::text[]) AND redeemed_at >= $3
      ORDER BY redeemed_at, id`,
    [profile.id, limited, toDate(now - window)],
  );
  return rows.map(toShared);
}

/**
 * Marks which records of the passports and offers just stored are over their limit (and clears the mark where an
 * earlier record, uploaded late, moved which one is over).
 */
/** What the over-limit flag needs of a partner: its id, time zone and limited offers. */
export type LimitedOffers = Pick<PartnerProfile, 'id' | 'timeZone' | 'offers'>;

export async function flagOverLimit(q: Queryable, profile: LimitedOffers, stored: readonly RedemptionRecord[]): Promise<void> {
  const window = sharedWindowSeconds(profile);
  if (window === 0) return;
  const limited = new Set(profile.offers.filter((o) => o.limit.kind === 'per-period').map((o) => o.id));
  const groups = new Map<string, { offerId: string; iss: string; jti: string; earliest: number }>();
  for (const r of stored) {
    if (!limited.has(r.offerId)) continue;
    const key = JSON.stringify([r.offerId, r.iss, r.jti]);
    const at = Date.parse(r.redeemedAt) / 1000;
    const group = groups.get(key);
    if (!group) groups.set(key, { offerId: r.offerId, iss: r.iss, jti: r.jti, earliest: at });
    else group.earliest = Math.min(group.earliest, at);
  }
  if (groups.size === 0) return;
  // every record of those passports and offers in one query (a week offline may bring hundreds), judged together
  const list = [...groups.values()];
  const rows = await q.query<Row>(
    `SELECT r.id, r.iss, r.jti, r.offer_id, r.redeemed_at, r.over_limit
       FROM redemptions r
       JOIN unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS g (offer_id, iss, jti, since)
         ON r.offer_id = g.offer_id AND r.iss = g.iss AND r.jti = g.jti AND r.redeemed_at >= g.since
      WHERE r.partner_id = $1`,
    [profile.id, list.map((g) => g.offerId), list.map((g) => g.iss), list.map((g) => g.jti), list.map((g) => toDate(g.earliest - window))],
  );
  const over = findOverLimit(rows.map(toShared), profile);
  const changed = rows.filter((r) => r.over_limit !== over.has(String(r.id).toLowerCase())).map((r) => String(r.id));
  if (changed.length === 0) return;
  // set, never toggled: two uploads judging the same passport at once both write the same answer
  await q.query('UPDATE redemptions SET over_limit = (id = ANY($2::uuid[])) WHERE id = ANY($1::uuid[])', [changed, [...over]]);
}
