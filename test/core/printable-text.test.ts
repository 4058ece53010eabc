// Names and notes we print: control and reordering characters, lone surrogates and invisible-only text are refused;
// every script and the punctuation of real names are kept.

import { describe, expect, it } from 'vitest';
import { isPrintableText, readCarerName } from '../../src/core/index.ts';

describe('printable text', () => {
  it.each(["Zoë O'Brien-Łukasiewicz", 'Dev Begum', 'ધ્રુવ પટેલ', 'عائشہ خان', 'ਹਰਪ੍ਰੀਤ ਕੌਰ', 'Ngozi Adébáyọ̀'])('keeps %s', (name) => {
    expect(readCarerName(`  ${name} `)).toEqual({ ok: true, name: name.normalize('NFC') });
  });

  it.each([['Ann\u0000Lee'], ['Ann\nLee'], ['Ann\u0007'], ['Ann\u202eeeL'], ['\u00ad\u200b'], ['   '], ['Ann\ud800Lee'], ['Ann\u0085']])('refuses %j', (name) => {
    expect(isPrintableText(name)).toBe(false);
    expect(readCarerName(name).ok).toBe(false);
  });

  it('refuses names over 64 characters, counted as characters, not UTF-16 units', () => {
    expect(readCarerName('𝒜'.repeat(64)).ok).toBe(true);
    expect(readCarerName('𝒜'.repeat(65)).ok).toBe(false);
  });
});
