// The partner editor's draft: the core's PartnerProfile itself, changed a field at a time. Optional fields are left
// out when emptied (the core reads "" as a value), and fields the editor does not show (a ward's group) ride along.

import { CATEGORIES, DEFAULT_TIME_ZONE, type Offer, type OfferHours, type PartnerProfile } from '../../core/index.ts';

export const BLANK_PARTNER: PartnerProfile = { id: '', name: '', kind: 'shop', timeZone: DEFAULT_TIME_ZONE, offers: [] };

export const BLANK_OFFER: Offer = { id: '', title: '', description: '', kind: 'benefit', categories: [...CATEGORIES], limit: { kind: 'unlimited' } };

export const BLANK_HOURS: OfferHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };

type Optional<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** `target` with `key` set, or left out when `value` is undefined or empty text. */
export function withOptional<T extends object, K extends Optional<T>>(target: T, key: K, value: T[K] | undefined): T {
  const { [key]: _dropped, ...rest } = target;
  return value === undefined || value === '' ? (rest as T) : ({ ...rest, [key]: value } as T);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
