// The public offers directory (issue 9, point 3): which partners take the passport and what they offer now. Built by
// the scheme service from its partner profiles (GET /offers.json, GET /offers) and read back by the carer's card page.
// Pure: the profiles and the time come in; dates, days and hours are each partner's own time zone.

import { localTime, type LocalTime } from './local-time.ts';
import { readPartnerProfile, type Offer, type OfferHours, type PartnerKind, type PartnerProfile } from './partner-profile.ts';
import type { Category } from './categories.ts';

/** What a carer needs to know of an offer: no limits, no staff references. */
export type DirectoryOffer = Pick<Offer, 'id' | 'title' | 'description' | 'categories' | 'hours' | 'startDate' | 'endDate'>;

export type DirectoryPartner = {
  id: string;
  name: string;
  kind: PartnerKind;
  timeZone: string;
  address?: string;
  area?: string;
  offers: DirectoryOffer[];
};

export type OffersDirectory = {
  /** The day it was made for (YYYY-MM-DD in the scheme's zone): the booklet's date, and why it changes daily. */
  date: string;
  partners: DirectoryPartner[];
};

export type DirectoryFilter = { area?: string; kind?: PartnerKind; category?: Category };

/** An offer runs on a local date when the date is inside its inclusive start and end dates. */
export function offerRunsOn(offer: Pick<Offer, 'startDate' | 'endDate'>, localDate: string): boolean {
  return (offer.startDate === undefined || offer.startDate <= localDate) && (offer.endDate === undefined || localDate <= offer.endDate);
}

/** Current offers only, by each partner's own date; partners left with none are not listed. Sorted by area, then name. */
export function buildOffersDirectory(profiles: readonly PartnerProfile[], nowMs: number, schemeTimeZone = 'Europe/London'): OffersDirectory {
  const partners: DirectoryPartner[] = [];
  for (const profile of profiles) {
    const today = localTime(nowMs, profile.timeZone).date;
    const offers = profile.offers.filter((o) => offerRunsOn(o, today)).map(directoryOffer);
    if (offers.length === 0) continue;
    partners.push({
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      timeZone: profile.timeZone,
      ...(profile.address ? { address: profile.address } : {}),
      ...(profile.area ? { area: profile.area } : {}),
      offers,
    });
  }
  partners.sort((a, b) => (a.area ?? '\uffff').localeCompare(b.area ?? '\uffff', 'en-GB') || a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  return { date: localTime(nowMs, schemeTimeZone).date, partners };
}

function directoryOffer(offer: Offer): DirectoryOffer {
  const { id, title, description, categories, hours, startDate, endDate } = offer;
  return { id, title, description, categories, ...(hours ? { hours } : {}), ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
}

/** The partners and offers that match every filter given; an offer matches a kind of carer it is open to. */
export function filterDirectory(directory: OffersDirectory, filter: DirectoryFilter): DirectoryPartner[] {
  const out: DirectoryPartner[] = [];
  for (const partner of directory.partners) {
    if (filter.area !== undefined && partner.area !== filter.area) continue;
    if (filter.kind !== undefined && partner.kind !== filter.kind) continue;
    const offers = filter.category === undefined ? partner.offers : partner.offers.filter((o) => o.categories.includes(filter.category!));
    if (offers.length > 0) out.push({ ...partner, offers });
  }
  return out;
}

/** The areas present, in order, for the area filter. */
export function directoryAreas(directory: OffersDirectory): string[] {
  return [...new Set(directory.partners.map((p) => p.area).filter((a): a is string => a !== undefined))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** The hours windows of an offer that fall on today's weekday; an offer without hours is open all day. */
export function offerToday(offer: DirectoryOffer, local: LocalTime): { today: true; hours: OfferHours[] } | { today: false } {
  if (!offer.hours || offer.hours.length === 0) return { today: true, hours: [] };
  const hours = offer.hours.filter((h) => h.days.includes(local.weekday));
  return hours.length > 0 ? { today: true, hours } : { today: false };
}

/** Reads a directory from unknown JSON (the card page's copy of /offers.json); undefined when malformed. */
export function readOffersDirectory(json: unknown): OffersDirectory | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { date, partners } = json as Record<string, unknown>;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Array.isArray(partners)) return undefined;
  const read: DirectoryPartner[] = [];
  for (const entry of partners as unknown[]) {
    // the same rules as a profile: an offer needs a kind and a limit there, which the directory leaves out
    const offers = Array.isArray((entry as { offers?: unknown })?.offers) ? ((entry as { offers: unknown[] }).offers) : undefined;
    if (!offers) return undefined;
    const asProfile = readPartnerProfile({ ...(entry as object), offers: offers.map((o) => ({ ...(o as object), kind: 'benefit', limit: { kind: 'unlimited' } })) });
    if (!asProfile.ok) return undefined;
    const { id, name, kind, timeZone, address, area } = asProfile.profile;
    read.push({ id, name, kind, timeZone, ...(address ? { address } : {}), ...(area ? { area } : {}), offers: asProfile.profile.offers.map(directoryOffer) });
  }
  return { date, partners: read };
}
