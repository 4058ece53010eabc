// The offers directory's words in the translator's language: an offer's hours, who it is for and its dates, as the
// card page's "Where to use it" and the service's /offers page show them.

import type { Category, Offer, OfferHours } from '../core/index.ts';
import { calendarDate } from './offer-words.ts';
import type { Translator } from './translator.ts';

/** "Tuesday and Thursday, 08:00 to 09:00"; every day is "Every day, 08:00 to 09:00". */
export function directoryHours(words: Translator, hours: OfferHours): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  const names = days.length === 7 ? words.t('directory.everyDay') : words.list(days.map((d) => words.weekday(d)));
  return words.t('directory.hours', { days: names, from: hours.from, to: hours.to });
}

/** All of an offer's hours, or "Any day" when it has none. */
export function directoryAllHours(words: Translator, hours: readonly OfferHours[] | undefined): string {
  return hours && hours.length > 0 ? hours.map((h) => directoryHours(words, h)).join('; ') : words.t('directory.anyDay');
}

/** "Today, 08:00 to 09:00." for the hours an offer runs today. */
export function directoryToday(words: Translator, hours: readonly OfferHours[]): string {
  return words.t('directory.today', { hours: words.list(hours.map((h) => words.t('directory.timeRange', { from: h.from, to: h.to }))) });
}

/** "For adult carers and parent carers"; all four is "For every carer". */
export function directoryCategories(words: Translator, categories: readonly Category[]): string {
  return categories.length >= 4
    ? words.t('directory.forEveryCarer')
    : words.t('directory.forCarers', { kinds: words.list(categories.map((c) => words.t(`directory.carers.${c}`))) });
}

/** "From 1 May 2027 to 31 May 2027", "Until 31 March 2027", "From 1 May 2027", or undefined. */
export function directoryDates(words: Translator, offer: Pick<Offer, 'startDate' | 'endDate'>): string | undefined {
  const day = (iso: string) => calendarDate(words, iso);
  if (offer.startDate && offer.endDate) return words.t('directory.dates.between', { from: day(offer.startDate), to: day(offer.endDate) });
  if (offer.endDate) return words.t('directory.dates.until', { date: day(offer.endDate) });
  if (offer.startDate) return words.t('directory.dates.from', { date: day(offer.startDate) });
  return undefined;
}
