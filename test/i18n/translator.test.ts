// The runtime formats precompiled messages with intl-messageformat: plurals, selects, lists, weekdays and ages in
// the catalogue's own language.

import { describe, expect, it } from 'vitest';
import type { CompiledCatalogue } from '../../src/i18n/catalogue.ts';
import { compileMessages } from '../../src/i18n/compile.ts';
import { english } from '../../src/i18n/english.ts';
import { createTranslator } from '../../src/i18n/translator.ts';

describe('English, the source', () => {
  it('plurals and selects choose the right words', () => {
    expect(english.t('refusal.USED_TODAY', { count: 1 })).toBe('Already used today.');
    expect(english.t('refusal.USED_TODAY', { count: 3 })).toBe('Already used 3 times today (the most allowed).');
    expect(english.t('refusal.LIMIT_REACHED', { count: 1, period: 'week' })).toBe('Already used once this week (the most allowed).');
    expect(english.t('sync.upload.waiting', { count: 0 })).toBe('All records uploaded');
    expect(english.t('sync.upload.waiting', { count: 2 })).toBe('2 records waiting for upload');
  });

  it('lists, weekdays and ages', () => {
    expect(english.list(['Monday', 'Tuesday', 'Friday'])).toBe('Monday, Tuesday and Friday');
    expect(english.list(['phone 0116', 'visit carers.example'], 'or')).toBe('phone 0116 or visit carers.example');
    expect([english.weekday(1), english.weekday(7, 'short')]).toEqual(['Monday', 'Sun']);
    expect([english.ago(20), english.ago(180), english.ago(7200), english.ago(3 * 86_400)]).toEqual(['just now', '3 minutes ago', '2 hours ago', '3 days ago']);
  });
});

describe('another language', () => {
  const polish: CompiledCatalogue = {
    meta: { locale: 'pl', name: 'Polish', nativeName: 'Polski', dir: 'ltr', review: { state: 'draft', note: '' } },
    messages: compileMessages({
      'history.waiting': '{count, plural, one {# rekord czeka} few {# rekordy czekają} many {# rekordów czeka} other {# rekordu czeka}}',
      'paste.check': 'Sprawdź',
    }),
  };
  const t = createTranslator(polish);

  it("formats with that language's plural rules", () => {
    expect([1, 3, 5, 22].map((count) => t.t('history.waiting', { count }))).toEqual(['1 rekord czeka', '3 rekordy czekają', '5 rekordów czeka', '22 rekordy czekają']);
    expect(t.t('paste.check')).toBe('Sprawdź');
  });

  it('names weekdays and joins lists in that language', () => {
    expect(t.weekday(1)).toBe('poniedziałek');
    expect(t.list(['a', 'b'])).toBe('a i b');
  });
});
