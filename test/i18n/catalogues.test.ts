// Every catalogue file present is complete and matches English: a missing key, an extra key, a message that does
// not parse or a translation whose placeholders differ from English fails here, naming the key.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DIR, cataloguesPresent } from '../../src/build/i18n-plugin.ts';
import type { Catalogue } from '../../src/i18n/catalogue.ts';
import { catalogueProblems } from '../../src/i18n/check.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const read = (locale: string) => JSON.parse(readFileSync(join(CATALOGUE_DIR, `${locale}.json`), 'utf8')) as Catalogue;
const english = read('en-GB');

describe('message catalogues', () => {
  it('English is there and is the source', () => {
    expect(english.meta.review.state).toBe('source');
    expect(Object.keys(english.messages).length).toBeGreaterThan(300);
  });

  it('every catalogue file is one of the six languages', () => {
    const known = LANGUAGES.map((l) => l.locale);
    for (const locale of cataloguesPresent()) expect(known).toContain(locale);
  });

  for (const locale of cataloguesPresent()) {
    it(`${locale}: every key present, every message parses, placeholders as in English`, () => {
      const catalogue = locale === 'en-GB' ? english : read(locale);
      expect(catalogueProblems(catalogue, english, locale)).toEqual([]);
    });
  }
});

describe('the check itself', () => {
  const translation = (messages: Record<string, string>): Catalogue => ({
    meta: { locale: 'pl', name: 'Polish', nativeName: 'Polski', dir: 'ltr', review: { state: 'draft', note: '' } },
    messages: { ...english.messages, ...messages },
  });

  it('finds a missing key', () => {
    const { 'paste.check': _dropped, ...rest } = english.messages;
    const problems = catalogueProblems({ ...translation({}), messages: rest }, english, 'pl');
    expect(problems).toEqual(['paste.check: missing']);
  });

  it('finds a renamed placeholder and a plural turned into plain text', () => {
    const problems = catalogueProblems(
      translation({ 'offers.give': 'Daj: {tytul}', 'refusal.USED_TODAY': 'Już użyte {count} razy dzisiaj.' }),
      english,
      'pl',
    );
    expect(problems).toEqual([
      'offers.give: placeholders {tytul:text} differ from English {title:text}',
      'refusal.USED_TODAY: placeholders {count:text} differ from English {count:plural}',
    ]);
  });

  it('accepts plural forms English lacks (Polish few and many) when the argument is the same', () => {
    const problems = catalogueProblems(
      translation({ 'history.waiting': '{count, plural, one {# rekord czeka} few {# rekordy czekają} many {# rekordów czeka} other {# rekordu czeka}}' }),
      english,
      'pl',
    );
    expect(problems).toEqual([]);
  });

  it('finds a message that does not parse, an extra key and a wrong direction', () => {
    const catalogue = translation({ 'offers.give': 'Daj: {title', 'no.such.key': 'x' });
    const problems = catalogueProblems({ ...catalogue, meta: { ...catalogue.meta, dir: 'rtl' } }, english, 'pl');
    expect(problems[0]).toBe('meta.dir rtl differs from languages.ts (ltr)');
    expect(problems).toContain('no.such.key: not an English key');
    expect(problems.some((p) => p.startsWith('offers.give: does not parse'))).toBe(true);
  });
});
