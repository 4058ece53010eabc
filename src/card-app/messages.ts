// The card page's words that need more than one message: dates and the issuer's ways to be reached, in the chosen
// language (the messages themselves are card.* in src/i18n/catalogues). Models never import it.

import type { IssuerContact } from '../core/index.ts';
import type { Translator } from '../i18n/translator.ts';

/** A phone number or web address inside a sentence keeps its left-to-right order in a right-to-left language. */
export const isolated = (text: string) => `\u2066${text}\u2069`;

/** "1 May 2029" (in the chosen language) for seconds since the epoch, in the scheme's zone. */
export function dateWords(words: Translator, seconds: number): string {
  return words.date(seconds * 1000, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** "phone 0116 123 4567 (Monday to Friday, 9am to 5pm) or visit carers.example/passport"; undefined when none. */
export function contactWays(words: Translator, contact: IssuerContact | undefined): string | undefined {
  const { t } = words;
  const ways = [
    contact?.phone
      ? contact.hours
        ? t('card.contact.phoneHours', { phone: isolated(contact.phone), hours: contact.hours })
        : t('card.contact.phone', { phone: isolated(contact.phone) })
      : undefined,
    contact?.web ? t('card.contact.web', { web: isolated(contact.web.replace(/^https:\/\//, '').replace(/\/$/, '')) }) : undefined,
  ].filter((w): w is string => w !== undefined);
  return ways.length > 0 ? words.list(ways, 'or') : undefined;
}

/** "Contact Support for Carers: phone ... ." or "Contact Support for Carers." */
export function contactWords(words: Translator, issuer: string, contact: IssuerContact | undefined): string {
  const ways = contactWays(words, contact);
  return ways ? words.t('card.contact.ways', { issuer, ways }) : words.t('card.contact.issuerOnly', { issuer });
}
