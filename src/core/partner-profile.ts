// A partner's profile and its offers: the same shape in the app, the scheme service and its API.

import { CATEGORIES, type Category } from './categories.ts';

/** `emergency` (ambulance, fire, police, A&E reception): identifies a carer, gives no offers, records nothing. */
export const PARTNER_KINDS = ['shop', 'pharmacy', 'hospital-ward', 'other', 'emergency'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** ISO weekday: 1 Monday ... 7 Sunday (weeks start on Monday). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type OfferLimit =
  | { kind: 'unlimited' }
  | { kind: 'per-period'; count: number; period: 'day' | 'week' | 'month' };

/** A window of local time on some weekdays, e.g. protected shopping 08:00-09:00 Tuesday and Thursday. */
export type OfferHours = { days: Weekday[]; from: string; to: string };

export type Offer = {
  id: string;
  title: string;
  description: string;
  /** A benefit is redeemed (a discount, a meal voucher); a recognition is recorded (ward visiting). */
  kind: 'benefit' | 'recognition';
  categories: Category[];
  limit: OfferLimit;
  /** When present, the offer applies only inside one of these windows (partner's time zone). */
  hours?: OfferHours[];
  /** Inclusive local dates, YYYY-MM-DD. */
  startDate?: string;
  endDate?: string;
  /** Asks staff for a short reference (a prescription number); kept on the device, never uploaded. */
  reference?: { label: string; required: boolean };
  /** Staff must tick "photo ID seen" before it is given (a pharmacy releasing medicines); the record says so. */
  requiresPhotoId?: boolean;
  /** Only for a carer on a hospital stay in the partner's group (parking, meals, flexible visiting). */
  requiresStay?: boolean;
};

/** Partners that share stays: a hospital trust with its wards, car park and restaurant. */
export type PartnerGroup = { id: string; name: string };

export type PartnerProfile = {
  id: string;
  name: string;
  kind: PartnerKind;
  /** IANA time zone for hours, days and limits; default Europe/London. */
  timeZone: string;
  offers: Offer[];
  /** One line, as printed in the offers directory: "12 Market Street, Melton Mowbray LE13 1XX". */
  address?: string;
  /** The area the directory groups and filters by: "Leicester", "Rutland", "Melton". */
  area?: string;
  /** The group whose devices all see this partner's stays (issue 11 point 2). */
  group?: PartnerGroup;
};

export const ADDRESS_MAX = 160;
export const AREA_MAX = 40;

export const DEFAULT_TIME_ZONE = 'Europe/London';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an unknown value (a file, an API answer) into a profile, or says what is wrong in one line. */
export function readPartnerProfile(value: unknown): { ok: true; profile: PartnerProfile } | { ok: false; problem: string } {
  if (!isObject(value)) return { ok: false, problem: 'the partner profile is not an object' };
  const { id, name, kind, timeZone = DEFAULT_TIME_ZONE, offers, address, area, group } = value;
  if (typeof id !== 'string' || !ID.test(id)) return { ok: false, problem: 'the partner id must be lower-case letters, digits, dots or dashes' };
  if (typeof name !== 'string' || name.trim() === '') return { ok: false, problem: 'the partner needs a name' };
  if (!(PARTNER_KINDS as readonly unknown[]).includes(kind)) return { ok: false, problem: `the partner kind must be one of ${PARTNER_KINDS.join(', ')}` };
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) return { ok: false, problem: `unknown time zone ${String(timeZone)}` };
  if (!Array.isArray(offers)) return { ok: false, problem: 'the partner profile has no offers list' };
  const place: Pick<PartnerProfile, 'address' | 'area'> = {};
  for (const [field, text, max] of [['address', address, ADDRESS_MAX], ['area', area, AREA_MAX]] as const) {
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string' || [...text].length > max || /[\u0000-\u001f\u007f-\u009f]/.test(text)) {
      return { ok: false, problem: `the partner ${field} must be one line of at most ${max} characters` };
    }
    if (text.trim() !== '') place[field] = text.trim();
  }
  const read: Offer[] = [];
  for (const entry of offers as unknown[]) {
    const offer = readOffer(entry);
    if (typeof offer === 'string') return { ok: false, problem: offer };
    if (read.some((o) => o.id === offer.id)) return { ok: false, problem: `offer ${offer.id} appears twice` };
    read.push(offer);
  }
  const profile: PartnerProfile = { id, name, kind: kind as PartnerKind, timeZone, offers: read, ...place };
  if (group !== undefined) {
    if (!isObject(group) || typeof group.id !== 'string' || !ID.test(group.id) || typeof group.name !== 'string' || group.name.trim() === '') {
      return { ok: false, problem: 'the partner group needs an id (lower-case letters, digits, dots or dashes) and a name' };
    }
    profile.group = { id: group.id, name: group.name };
  }
  return { ok: true, profile };
}

function readOffer(value: unknown): Offer | string {
  if (!isObject(value)) return 'an offer is not an object';
  const { id, title, description = '', kind, categories, limit, hours, startDate, endDate, reference, requiresPhotoId, requiresStay } = value;
  if (typeof id !== 'string' || !ID.test(id)) return 'an offer id must be lower-case letters, digits, dots or dashes';
  if (typeof title !== 'string' || title.trim() === '') return `offer ${id} needs a title`;
  if (typeof description !== 'string') return `offer ${id} has a description that is not text`;
  if (kind !== 'benefit' && kind !== 'recognition') return `offer ${id} must be a benefit or a recognition`;
  if (!Array.isArray(categories) || categories.length === 0 || !categories.every((c) => (CATEGORIES as readonly unknown[]).includes(c))) {
    return `offer ${id} needs categories from ${CATEGORIES.join(', ')}`;
  }
  const readLimit = readOfferLimit(limit);
  if (!readLimit) return `offer ${id} has a limit that is not "unlimited" or N per day, week or month`;
  const offer: Offer = { id, title, description, kind, categories: categories as Category[], limit: readLimit };
  if (hours !== undefined) {
    if (!Array.isArray(hours) || !hours.every(isOfferHours)) return `offer ${id} has hours that are not days with HH:MM from and to`;
    offer.hours = hours;
  }
  for (const [field, date] of [['startDate', startDate], ['endDate', endDate]] as const) {
    if (date === undefined) continue;
    if (typeof date !== 'string' || !DATE.test(date)) return `offer ${id} has a ${field} that is not YYYY-MM-DD`;
    offer[field] = date;
  }
  if (reference !== undefined) {
    if (!isObject(reference) || typeof reference.label !== 'string' || typeof reference.required !== 'boolean') {
      return `offer ${id} has a reference that is not a label and required flag`;
    }
    offer.reference = { label: reference.label, required: reference.required };
  }
  if (requiresPhotoId !== undefined) {
    if (typeof requiresPhotoId !== 'boolean') return `offer ${id} has a requiresPhotoId that is not true or false`;
    if (requiresPhotoId) offer.requiresPhotoId = true;
  }
  if (requiresStay !== undefined) {
    if (typeof requiresStay !== 'boolean') return `offer ${id} has a requiresStay that is not true or false`;
    if (requiresStay) offer.requiresStay = true;
  }
  return offer;
}

function readOfferLimit(value: unknown): OfferLimit | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'unlimited') return { kind: 'unlimited' };
  const { count, period } = value;
  if (value.kind !== 'per-period' || typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) return undefined;
  if (period !== 'day' && period !== 'week' && period !== 'month') return undefined;
  return { kind: 'per-period', count, period };
}

function isOfferHours(value: unknown): value is OfferHours {
  if (!isObject(value)) return false;
  const { days, from, to } = value;
  return (
    Array.isArray(days) && days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
    typeof from === 'string' && HH_MM.test(from) && typeof to === 'string' && HH_MM.test(to) && from < to
  );
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
