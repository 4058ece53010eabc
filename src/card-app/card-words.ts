// Words the card page builds from several messages: dates in the scheme's zone and the issuer's contact.

import type { IssuerContact } from '../core/index.ts';
import type { Translator } from '../i18n/translator.ts';

/** "1 May 2029" for seconds since the epoch, in the scheme's zone. */
export function dateWords(words: Translator, seconds: number): string {
  return words.date(seconds * 1000, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** "phone 0116 123 4567 (Monday to Friday, 9am to 5pm) or visit carers.example/passport", or undefined for none. */
function ways(words: Translator, contact: IssuerContact | undefined): string | undefined {
  const { t } = words;
  const found = [
    contact?.phone ? (contact.hours ? t('card.contact.phoneHours', { phone: contact.phone, hours: contact.hours }) : t('card.contact.phone', { phone: contact.phone })) : undefined,
    contact?.web ? t('card.contact.web', { web: contact.web.replace(/^https:\/\//, '').replace(/\/$/, '') }) : undefined,
  ].filter((w): w is string => w !== undefined);
  return found.length > 0 ? words.list(found, 'or') : undefined;
}

/** "Contact Support for Carers: phone ... or visit ...", or "Contact Support for Carers." */
export function contactWords(words: Translator, issuer: string, contact: IssuerContact | undefined): string {
  const how = ways(words, contact);
  return how ? words.t('card.contact.ways', { issuer, ways: how }) : words.t('card.contact.issuerOnly', { issuer });
}

export function howToRenew(words: Translator, issuer: string, contact: IssuerContact | undefined): string {
  const how = ways(words, contact);
  return how ? words.t('card.renew.ways', { issuer, ways: how }) : words.t('card.renew.issuerOnly', { issuer });
}

export function expiredRenew(words: Translator, issuer: string, contact: IssuerContact | undefined): string {
  const how = ways(words, contact);
  return how ? words.t('card.expiredRenew.ways', { issuer, ways: how }) : words.t('card.expiredRenew.issuerOnly', { issuer });
}
