// An offer's rules in words, in the translator's language: why it does not apply (the core's refusal codes), its
// hours and its limit. Shared by the staff app's offers panel and the admin page's offer preview.

import type { OfferHours, OfferRefusal } from '../core/index.ts';
import type { Translator } from './translator.ts';

/** "Monday and Friday, 08:00 to 09:00; Saturday, 10:00 to 12:00". */
export function hoursWords(words: Translator, hours: readonly OfferHours[]): string {
  return hours.map((h) => words.t('offers.hours', { days: words.list(h.days.map((d) => words.weekday(d))), from: h.from, to: h.to })).join('; ');
}

/** "1 May 2029" for a calendar date ("2029-05-01"), which no time zone moves. */
export function calendarDate(words: Translator, isoDate: string): string {
  return words.date(new Date(`${isoDate}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}

export function refusalWords(words: Translator, refusal: OfferRefusal): string {
  const { t } = words;
  switch (refusal.code) {
    case 'NOT_REDEEMABLE':
    case 'NO_STAY':
      return t(`refusal.${refusal.code}`);
    case 'CATEGORY':
      return t('refusal.CATEGORY', { categories: words.list(refusal.categories.map((c) => t(`category.lower.${c}`))) });
    case 'NOT_STARTED':
      return t('refusal.NOT_STARTED', { date: calendarDate(words, refusal.startDate) });
    case 'ENDED':
      return t('refusal.ENDED', { date: calendarDate(words, refusal.endDate) });
    case 'OUTSIDE_HOURS':
      return t('refusal.OUTSIDE_HOURS', { hours: hoursWords(words, refusal.hours) });
    case 'USED_TODAY':
      return t('refusal.USED_TODAY', { count: refusal.count });
    case 'LIMIT_REACHED':
      return t('refusal.LIMIT_REACHED', { count: refusal.count, period: refusal.period });
  }
}

/** An offer's limit ("Once a day", "No limit"). */
export function limitWords(words: Translator, limit: { kind: 'unlimited' } | { kind: 'per-period'; count: number; period: string }): string {
  return limit.kind === 'unlimited' ? words.t('offers.limit.none') : words.t('offers.limit.count', { count: limit.count, period: limit.period });
}
