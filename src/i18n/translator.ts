// Turns a message key and its values into words in one language. Framework-free (no DOM, no Node): the staff app,
// the card page, the server and the CLI share it. The messages come precompiled (compile.ts), so intl-messageformat
// runs without its parser in the pages (src/build/i18n-plugin.ts points its parser import at the no-parser build).

import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey, RuntimeCatalogue } from './catalogue.ts';
import type { Locale, TextDirection } from './languages.ts';

export type MessageValues = Readonly<Record<string, string | number>>;

export type Translator = {
  readonly locale: Locale;
  readonly dir: TextDirection;
  /** The message in this language; a key the catalogue lacks shows as the key (a test keeps every key present). */
  t(key: MessageKey, values?: MessageValues): string;
  /** "a, b and c" (or "a or b") in this language. */
  list(items: readonly string[], type?: 'and' | 'or'): string;
  /** A weekday, 1 = Monday ... 7 = Sunday, in this language. */
  weekday(day: number, width?: 'long' | 'short'): string;
  /** A date (and time) in this language. */
  date(value: Date | number, options: Intl.DateTimeFormatOptions): string;
  /** "just now", "3 minutes ago", "2 hours ago", "yesterday", in this language. */
  ago(seconds: number): string;
};

export function createTranslator(catalogue: RuntimeCatalogue): Translator {
  const { locale, dir } = catalogue.meta;
  const formatters = new Map<string, IntlMessageFormat>();
  const lists = new Map<string, Intl.ListFormat>();
  let relative: Intl.RelativeTimeFormat | undefined;
  // a formatter is costly to make (a few ms each on a slow tablet, several a verdict): one for each set of options
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    const key = JSON.stringify(options);
    let format = dateFormats.get(key);
    if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
    return format;
  };

  const t = (key: MessageKey, values?: MessageValues): string => {
    const message = catalogue.messages[key];
    if (message === undefined) return key;
    if (typeof message === 'string') return message;
    let formatter = formatters.get(key);
    if (!formatter) formatters.set(key, (formatter = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })));
    return String(formatter.format(values));
  };

  return {
    locale,
    dir,
    t,
    list(items, type = 'and') {
      let format = lists.get(type);
      if (!format) lists.set(type, (format = new Intl.ListFormat(locale, { type: type === 'and' ? 'conjunction' : 'disjunction' })));
      return format.format(items);
    },
    weekday(day, width = 'long') {
      // 2024-01-01 was a Monday
      return dateFormat({ weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));
    },
    date(value, options) {
      return dateFormat(options).format(value);
    },
    ago(seconds) {
      const s = Math.max(0, Math.round(seconds));
      if (s < 60) return t('time.justNow');
      relative ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      if (s < 3600) return relative.format(-Math.floor(s / 60), 'minute');
      if (s < 86_400) return relative.format(-Math.floor(s / 3600), 'hour');
      return relative.format(-Math.floor(s / 86_400), 'day');
    },
  };
}
