// The offers directory's language (issue 12 point 3): a carer picks it from the page's links (?lang=gu), the choice is
// kept on their device in a cookie (cp_lang, this page only, a year), and the page is rendered on the server from that
// language's catalogue. No choice yet: English, the source.

import { readFileSync } from 'node:fs';
import type { Catalogue } from '../../i18n/catalogue.ts';
import { compileCatalogue } from '../../i18n/compile.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n/languages.ts';
import { createTranslator, type Translator } from '../../i18n/translator.ts';

export const LANGUAGE_COOKIE = 'cp_lang';
const A_YEAR_S = 365 * 86_400;

const translators = new Map<Locale, Translator>();

/** One language's words, read and compiled the first time it is asked for. */
export function directoryWords(locale: Locale): Translator {
  let words = translators.get(locale);
  if (!words) {
    const file = new URL(`../../i18n/catalogues/${locale}.json`, import.meta.url);
    translators.set(locale, (words = createTranslator(compileCatalogue(JSON.parse(readFileSync(file, 'utf8')) as Catalogue))));
  }
  return words;
}

/** The language to render in: a picked one (?lang) first, then the one remembered in the cookie, then English. */
export function chosenLanguage(query: string | undefined, cookieHeader: string | undefined): { locale: Locale; picked: boolean } {
  if (isLocale(query)) return { locale: query, picked: true };
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE && isLocale(value)) return { locale: value, picked: false };
  }
  return { locale: DEFAULT_LOCALE, picked: false };
}

/** The cookie that remembers a picked language on this device (no script reads it). */
export function languageCookie(locale: Locale, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${locale}; Path=/offers; Max-Age=${A_YEAR_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
