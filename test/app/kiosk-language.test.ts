// The kiosk's language: a visitor's choice lasts for their visit (until their verdict clears, two idle minutes, or
// leaving kiosk mode), is kept across a reload mid-visit, and the next person finds the ward's language.

import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { isLocale, type Locale } from '../../src/i18n/languages.ts';
import { KIOSK_LANGUAGE_IDLE_MS, KioskLanguageModel } from '../../src/app/models/kiosk-language-model.ts';

function build(stored?: string) {
  const home = signal<Locale>('en-GB');
  const active = signal(true);
  const verdictShown = signal(false);
  const saved: (Locale | undefined)[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const model = new KioskLanguageModel({
    home,
    active,
    verdictShown,
    known: isLocale,
    load: async () => stored,
    save: async (code) => void saved.push(code),
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true),
  });
  const fireIdle = () => timers.filter((t) => !t.cleared).forEach((t) => t.run());
  return { home, active, verdictShown, saved, timers, model, fireIdle };
}

describe('the kiosk language', () => {
  it("shows the ward's language until a visitor chooses theirs, and keeps that choice on the device", () => {
    const k = build();
    expect(k.model.current.value).toBe('en-GB');
    k.home.value = 'pl';
    expect(k.model.current.value).toBe('pl');
    k.model.choose('ur');
    expect(k.model.current.value).toBe('ur');
    expect(k.saved).toEqual(['ur']);
  });

  it('returns to the ward language when the visitor’s verdict clears', () => {
    const k = build();
    k.model.choose('gu');
    k.verdictShown.value = true;
    expect(k.model.current.value).toBe('gu');
    k.verdictShown.value = false;
    expect(k.model.current.value).toBe('en-GB');
    expect(k.saved).toEqual(['gu', undefined]);
  });

  it('returns after two idle minutes, but never under a verdict being read', () => {
    const k = build();
    k.model.choose('so');
    expect(k.timers.at(-1)?.ms).toBe(KIOSK_LANGUAGE_IDLE_MS);
    k.verdictShown.value = true;
    k.fireIdle();
    expect(k.model.current.value).toBe('so');
    k.model.choose('pa');
    k.verdictShown.value = false; // the verdict clears: the visit is over
    expect(k.model.current.value).toBe('en-GB');
    k.model.choose('pl');
    k.fireIdle();
    expect(k.model.current.value).toBe('en-GB');
  });

  it('returns when staff leave kiosk mode', () => {
    const k = build();
    k.model.choose('ur');
    k.active.value = false;
    expect(k.model.current.value).toBe('en-GB');
  });

  it('comes back in the visitor’s language after a reload mid-visit, and ignores a language it does not know', async () => {
    const k = build('ur');
    await k.model.load();
    expect(k.model.current.value).toBe('ur');
    const unknown = build('xx');
    await unknown.model.load();
    expect(unknown.model.current.value).toBe('en-GB');
    unknown.model.choose('xx');
    expect(unknown.model.current.value).toBe('en-GB');
  });

  it('choosing the ward language ends the visitor’s choice', () => {
    const k = build();
    k.model.choose('gu');
    k.model.choose('en-GB');
    expect(k.model.visitor.value).toBeUndefined();
    expect(k.saved).toEqual(['gu', undefined]);
  });
});
