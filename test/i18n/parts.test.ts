// The staff app fetches only the "staff" part of its catalogue before the first verdict (src/i18n/parts.ts):
// every key a screen shown before Settings or History uses must be in that part, or it would show as its key.
// Settings and History (and what only they import) wait for "staff-later"; the card page loads "card".

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../src/i18n/catalogues/en-GB.json' with { type: 'json' };
import { partsOf, type Part } from '../../src/i18n/parts.ts';

const ROOT = join(import.meta.dirname, '../..');
// loaded on first use (src/app/App.tsx), after needWords('staff-later'), and the modules only they import
// loaded on first use with needWords('staff-extra') (src/app/App.tsx, src/app/screens/VerdictScreen.tsx)
const STAFF_EXTRA_FILES = [
  'src/app/screens/PinPrompt.tsx', 'src/app/screens/SettingsLock.tsx', 'src/app/screens/KioskScreen.tsx', 'src/app/screens/StayPanel.tsx',
  'src/app/screens/EmergencyPanel.tsx',
];
const STAFF_LATER_FILES = [
  'src/app/screens/HistoryScreen.tsx', 'src/app/screens/SettingsScreen.tsx', 'src/app/components/EnrolmentPanel.tsx', 'src/app/components/TrustPanel.tsx',
  'src/app/components/OfferEditor.tsx', 'src/app/components/LanguagePicker.tsx', 'src/app/components/sync-words.ts', 'src/app/components/trust-words.ts',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

/** The keys a file names: t('a.b'), t(`a.${x}`) (every key with that start), and quoted keys in lists. */
function keysUsed(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const all = Object.keys(english.messages);
  const literal = [...source.matchAll(/\bt\('([^']+)'/g), ...source.matchAll(/'([a-zA-Z]+\.[a-zA-Z.-]+)'/g)].map((m) => m[1]!).filter((k) => k in english.messages);
  const templated = [...source.matchAll(/\bt\(`([^`$]+)\$\{/g)].flatMap((m) => all.filter((k) => k.startsWith(m[1]!)));
  return [...new Set([...literal, ...templated])];
}

function outside(file: string, allowed: readonly Part[]): string[] {
  return keysUsed(file).filter((key) => !partsOf(key).some((p) => allowed.includes(p))).map((key) => `${file}: ${key}`);
}

describe('catalogue parts', () => {
  it('every English key is in some part', () => {
    expect(Object.keys(english.messages).filter((key) => partsOf(key).length === 0)).toEqual([]);
  });

  it('screens shown before Settings or History use only the first part', () => {
    const first = files(join(ROOT, 'src/app')).filter((f) => !STAFF_LATER_FILES.includes(f) && !STAFF_EXTRA_FILES.includes(f));
    expect(first.some((f) => f.endsWith('VerdictScreen.tsx'))).toBe(true);
    expect(first.flatMap((f) => outside(f, ['staff']))).toEqual([]);
  });

  it('Settings and History use the staff parts', () => {
    expect(STAFF_LATER_FILES.flatMap((f) => outside(f, ['staff', 'staff-later', 'staff-extra']))).toEqual([]);
  });

  it('the PIN forms, the kiosk and the stay and emergency panels use the first part and their own', () => {
    expect(STAFF_EXTRA_FILES.flatMap((f) => outside(f, ['staff', 'staff-extra']))).toEqual([]);
    expect(partsOf('pin.heading')).toEqual(['staff-extra']);
  });

  it('the card page uses only its part', () => {
    expect(files(join(ROOT, 'src/card-app')).flatMap((f) => outside(f, ['card']))).toEqual([]);
  });

  it('the check finds a later key on a first screen', () => {
    expect(partsOf('settings.heading')).toEqual(['staff-later']);
    expect(partsOf('verdict.VALID.title')).toEqual(['staff']);
    expect(partsOf('category.adult')).toEqual(['card', 'staff']);
  });
});
