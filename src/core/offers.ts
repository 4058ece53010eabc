// Which of a partner's offers apply to a passport at a moment, and why the others do not. Pure: the verdict,
// the device's own records and the time come in as arguments; hours, days and limits are the partner's local time.

import { localTime, weekStart, type LocalTime } from './local-time.ts';
import type { Offer, OfferHours, PartnerProfile } from './partner-profile.ts';
import type { RedemptionRecord } from './redemption-record.ts';
import type { Category } from './trust-bundle.ts';
import type { Verdict } from './verdict.ts';

export { isoWeekday, localTime, weekStart, type LocalTime } from './local-time.ts';

/** Why an offer does not apply now, as a stable code with the facts the words need. */
export type OfferRefusal =
  | { code: 'NOT_REDEEMABLE' }
  | { code: 'CATEGORY'; categories: Category[] }
  | { code: 'NOT_STARTED'; startDate: string }
  | { code: 'ENDED'; endDate: string }
  | { code: 'OUTSIDE_HOURS'; hours: OfferHours[] }
  | { code: 'USED_TODAY'; count: number }
  | { code: 'LIMIT_REACHED'; count: number; period: 'week' | 'month' }
  | { code: 'NO_STAY' };

export type OfferCheck =
  | { offer: Offer; applies: true; /** Uses left in the current period, when the offer has a limit. */ remaining?: number }
  | { offer: Offer; applies: false; refusal: OfferRefusal };

/** The part of a record that counts towards a limit. */
export type CountedRedemption = Pick<RedemptionRecord, 'offerId' | 'iss' | 'jti' | 'redeemedAt'>;

export type OfferQuery = {
  profile: Pick<PartnerProfile, 'timeZone' | 'offers'>;
  verdict: Verdict;
  /** This device's records; only those for the same iss + jti + offer count. */
  records: readonly CountedRedemption[];
  /** Milliseconds since the epoch. */
  now: number;
  /** The passport's carer is on a hospital stay in the partner's group (issue 11 point 2). */
  onStay?: boolean;
};

/** Checks every offer of the profile, in the profile's order. Invalid verdicts redeem nothing. */
export function checkOffers(query: OfferQuery): OfferCheck[] {
  return query.profile.offers.map((offer) => checkOffer(offer, query));
}

export function checkOffer(offer: Offer, { profile, verdict, records, now, onStay }: OfferQuery): OfferCheck {
  const refuse = (refusal: OfferRefusal): OfferCheck => ({ offer, applies: false, refusal });
  if (verdict.result === 'invalid') return refuse({ code: 'NOT_REDEEMABLE' });
  const { passport } = verdict;
  if (!offer.categories.includes(passport.cat)) return refuse({ code: 'CATEGORY', categories: offer.categories });
  if (offer.requiresStay && !onStay) return refuse({ code: 'NO_STAY' });

  const local = localTime(now, profile.timeZone);
  if (offer.startDate !== undefined && local.date < offer.startDate) return refuse({ code: 'NOT_STARTED', startDate: offer.startDate });
  if (offer.endDate !== undefined && local.date > offer.endDate) return refuse({ code: 'ENDED', endDate: offer.endDate });
  if (offer.hours !== undefined && offer.hours.length > 0 && !offer.hours.some((h) => insideHours(h, local))) {
    return refuse({ code: 'OUTSIDE_HOURS', hours: offer.hours });
  }

  if (offer.limit.kind === 'unlimited') return { offer, applies: true };
  const { count, period } = offer.limit;
  const current = periodKey(local, period);
  const used = records.filter(
    (r) =>
      r.offerId === offer.id &&
      r.iss === passport.iss &&
      r.jti === passport.jti &&
      Number.isFinite(Date.parse(r.redeemedAt)) &&
      periodKey(localTime(Date.parse(r.redeemedAt), profile.timeZone), period) === current,
  ).length;
  if (used >= count) {
    return period === 'day' ? refuse({ code: 'USED_TODAY', count }) : refuse({ code: 'LIMIT_REACHED', count, period });
  }
  return { offer, applies: true, remaining: count - used };
}

/** Inside a window: one of its weekdays, from inclusive, to exclusive ("08:00"-"09:00" ends at 09:00). */
export function insideHours(hours: OfferHours, local: LocalTime): boolean {
  return hours.days.includes(local.weekday) && local.time >= hours.from && local.time < hours.to;
}

/** The calendar period that holds a local time: its day, the Monday of its week, or its month. */
export function periodKey(local: LocalTime, period: 'day' | 'week' | 'month'): string {
  if (period === 'day') return local.date;
  if (period === 'week') return weekStart(local);
  return local.date.slice(0, 7);
}
