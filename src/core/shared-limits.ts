// Limits counted across a partner's devices (issue 11 point 1): which of the partner's recent redemptions a device
// needs (the longest limit period plus a day), the shape the service sends, and which records went over a limit
// when two tills both gave an offer offline. Pure: records, profile and times come in as arguments.

import { localTime } from './local-time.ts';
import { periodKey } from './offers.ts';
import type { PartnerProfile } from './partner-profile.ts';
import type { RedemptionRecord } from './redemption-record.ts';

/** A redemption of the partner as the service shares it with the partner's devices: no name, no device, no verdict. */
export type SharedRedemption = Pick<RedemptionRecord, 'id' | 'iss' | 'jti' | 'offerId' | 'redeemedAt'> & {
  /** Given although the limit was already reached (two tills offline at once). */
  overLimit?: true;
};

const PERIOD_DAYS = { day: 1, week: 7, month: 31 } as const;
const DAY_SECONDS = 86_400;

/** How far back a device must see the partner's redemptions: the longest limit period plus a day; 0 with no limits. */
export function sharedWindowSeconds(profile: Pick<PartnerProfile, 'offers'>): number {
  const days = profile.offers.map((o) => (o.limit.kind === 'per-period' ? PERIOD_DAYS[o.limit.period] : 0));
  const longest = Math.max(0, ...days);
  return longest === 0 ? 0 : (longest + 1) * DAY_SECONDS;
}

/**
 * Ids of records given beyond their offer's limit: within one passport, offer and period (the partner's local time),
 * the earliest `count` count and the later ones are over. Ties in time go by id, so every server agrees.
 */
export function findOverLimit(
  records: readonly Pick<RedemptionRecord, 'id' | 'iss' | 'jti' | 'offerId' | 'redeemedAt'>[],
  profile: Pick<PartnerProfile, 'offers' | 'timeZone'>,
): Set<string> {
  const limits = new Map(profile.offers.flatMap((o) => (o.limit.kind === 'per-period' ? [[o.id, o.limit] as const] : [])));
  const groups = new Map<string, typeof records[number][]>();
  for (const r of records) {
    const limit = limits.get(r.offerId);
    const at = Date.parse(r.redeemedAt);
    if (!limit || !Number.isFinite(at)) continue;
    const key = JSON.stringify([r.offerId, r.iss, r.jti, periodKey(localTime(at, profile.timeZone), limit.period)]);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const over = new Set<string>();
  for (const group of groups.values()) {
    const count = (limits.get(group[0]!.offerId) as { count: number }).count;
    group.sort((a, b) => Date.parse(a.redeemedAt) - Date.parse(b.redeemedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of group.slice(count)) over.add(r.id);
  }
  return over;
}

const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

/** Reads the service's list at the edge; entries of the wrong shape are dropped, never trusted. */
export function readSharedRedemptions(value: unknown): SharedRedemption[] {
  if (!Array.isArray(value)) return [];
  const read: SharedRedemption[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, iss, jti, offerId, redeemedAt, overLimit } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof iss !== 'string' || typeof offerId !== 'string' || typeof redeemedAt !== 'string') continue;
    if (typeof jti !== 'string' || !PASSPORT_NUMBER.test(jti) || !Number.isFinite(Date.parse(redeemedAt))) continue;
    read.push({ id: id.toLowerCase(), iss, jti, offerId, redeemedAt, ...(overLimit === true ? { overLimit: true as const } : {}) });
  }
  return read;
}
