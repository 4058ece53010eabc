// The interpreters' drafts (issue 12 point 3): each plural has exactly its language's CLDR plural forms (Polish one,
// few, many, other; Gujarati, Punjabi, Urdu and Somali one, other), each select the same options as English, and every
// message formats in its language with no placeholder left showing. The key and placeholder check is catalogues.test.ts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DIR } from '../../src/build/i18n-plugin.ts';
import type { Catalogue } from '../../src/i18n/catalogue.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const read = (locale: string) => JSON.parse(readFileSync(join(CATALOGUE_DIR, `${locale}.json`), 'utf8')) as Catalogue;
const english = read('en-GB');
const DRAFTS = LANGUAGES.filter((l) => l.locale !== 'en-GB');

type Switch = { kind: 'plural' | 'select'; name: string; options: string[] };
function switches(text: string): Switch[] {
  const found: Switch[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.push({ kind: el.type === TYPE.plural ? 'plural' : 'select', name: el.value, options: Object.keys(el.options).sort() });
        for (const option of Object.values(el.options)) visit(option.value);
      }
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return found;
}

// values that reach every plural form: 0 (Polish many), 1 (one), 3 (few), 5 (many), 22 (few), 1.5 (other)
const SAMPLES = [0, 1, 3, 5, 22, 1.5];
const valuesFor = (text: string, n: number, period: string) => {
  const values: Record<string, string | number> = {};
  for (const s of switches(text)) values[s.name] = s.kind === 'plural' ? n : period;
  return new Proxy(values, { get: (target, key: string) => target[key] ?? `«${key}»`, has: () => true });
};

describe('draft translations', () => {
  it('there are five, one for each language beside English', () => {
    expect(DRAFTS.map((l) => l.locale)).toEqual(['gu', 'pa', 'ur', 'pl', 'so']);
  });

  for (const { locale } of DRAFTS) {
    const catalogue = read(locale);

    it(`${locale}: is a draft for the interpreters, with a note saying what to check`, () => {
      expect(catalogue.meta.review.state).toBe('draft');
      expect(catalogue.meta.review.note.length).toBeGreaterThan(40);
    });

    it(`${locale}: every plural has the language's own plural forms, every select English's options`, () => {
      const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
      const wrong: string[] = [];
      for (const [key, text] of Object.entries(catalogue.messages)) {
        const theirs = switches(text);
        const ours = switches(english.messages[key] ?? '');
        for (const s of theirs) {
          const named = s.options.filter((o) => !o.startsWith('='));
          if (s.kind === 'plural' && named.join(',') !== forms.join(',')) wrong.push(`${key}: ${s.name} has ${named.join(',')}, wants ${forms.join(',')}`);
          const exact = s.options.filter((o) => o.startsWith('='));
          const source = ours.find((o) => o.name === s.name);
          if (s.kind === 'plural' && source && exact.join() !== source.options.filter((o) => o.startsWith('=')).join()) wrong.push(`${key}: exact cases differ from English`);
          if (s.kind === 'select' && source && s.options.join() !== source.options.join()) wrong.push(`${key}: ${s.name} options ${s.options.join(',')} differ from English`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${locale}: every message formats, with no brace or placeholder left showing`, () => {
      const bad: string[] = [];
      for (const [key, text] of Object.entries(catalogue.messages)) {
        for (const n of SAMPLES) {
          const out = String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(valuesFor(text, n, 'week')));
          if (/[{}]/.test(out)) bad.push(`${key} (${n}): ${out}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('the check finds a Polish plural without its few and many forms', () => {
    const forms = new Intl.PluralRules('pl').resolvedOptions().pluralCategories.slice().sort();
    const [plural] = switches('{count, plural, one {# wpis} other {# wpisów}}');
    expect(plural?.options).not.toEqual(forms);
    expect(forms).toEqual(['few', 'many', 'one', 'other']);
  });
});
