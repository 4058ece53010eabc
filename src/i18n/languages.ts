// The languages the scheme offers (issue 12, point 3): English (UK), the source, and the languages most spoken in
// Leicester, Leicestershire and Rutland. Each is named in itself in pickers; Urdu is written right to left.

export type TextDirection = 'ltr' | 'rtl';

export type Language = {
  /** The BCP 47 tag: the catalogue's file name (catalogues/<locale>.json) and the document's `lang`. */
  locale: Locale;
  /** Its name in English, for the README and the scheme's interpreters. */
  name: string;
  /** Its name in itself, as a picker shows it. */
  nativeName: string;
  dir: TextDirection;
};

export const LOCALES = ['en-GB', 'gu', 'pa', 'ur', 'pl', 'so'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en-GB';

export const LANGUAGES: readonly Language[] = [
  { locale: 'en-GB', name: 'English (UK)', nativeName: 'English', dir: 'ltr' },
  { locale: 'gu', name: 'Gujarati', nativeName: 'ગુજરાતી', dir: 'ltr' },
  { locale: 'pa', name: 'Punjabi (Gurmukhi)', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr' },
  { locale: 'ur', name: 'Urdu', nativeName: 'اردو', dir: 'rtl' },
  { locale: 'pl', name: 'Polish', nativeName: 'Polski', dir: 'ltr' },
  { locale: 'so', name: 'Somali', nativeName: 'Soomaali', dir: 'ltr' },
];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function languageOf(locale: Locale): Language {
  return LANGUAGES.find((l) => l.locale === locale) ?? LANGUAGES[0]!;
}
