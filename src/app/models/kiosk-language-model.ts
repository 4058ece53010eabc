// The kiosk's language (issue 12 point 3). A ward's kiosk speaks the ward's language (the staff app's, chosen in
// Settings) until a visitor picks theirs; the visitor's choice lasts until their verdict clears, until the kiosk has
// stood idle for two minutes, or until staff leave kiosk mode. The next person then finds the ward's language, not the
// last visitor's. The choice is kept through the storage adapter, so a kiosk that reloads mid-visit (an update, a
// restart) comes back in the visitor's language.

import { computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Locale } from '../../i18n/languages.ts';

export const KIOSK_LANGUAGE_IDLE_MS = 2 * 60_000;

export type KioskLanguageDeps = {
  /** The staff app's language: the kiosk's own between visitors. */
  home: ReadonlySignal<Locale>;
  /** Whether kiosk mode is on. */
  active: ReadonlySignal<boolean>;
  /** Whether a verdict is on screen: when it goes, the visit is over. */
  verdictShown: ReadonlySignal<boolean>;
  /** The languages a visitor may choose (a stored code outside them is ignored). */
  known: (code: string) => code is Locale;
  /** The visitor's choice kept through a reload, when the device restarts as a kiosk. */
  load: () => Promise<string | undefined>;
  save: (code: Locale | undefined) => Promise<void>;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

export const KioskLanguageModel = createModel((deps: KioskLanguageDeps) => {
  const visitor = signal<Locale | undefined>(undefined);
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let idle: unknown;

  const reset = () => {
    if (idle !== undefined) clearTimer(idle);
    idle = undefined;
    if (visitor.peek() === undefined) return;
    visitor.value = undefined;
    void deps.save(undefined);
  };
  const waitIdle = () => {
    if (idle !== undefined) clearTimer(idle);
    idle = setTimer(() => {
      idle = undefined;
      // a visitor reading a verdict is not idle: its own clearing resets the language
      if (!deps.verdictShown.peek()) reset();
    }, KIOSK_LANGUAGE_IDLE_MS);
  };

  let wasShown = deps.verdictShown.peek();
  effect(() => {
    const shown = deps.verdictShown.value;
    if (wasShown && !shown) reset();
    wasShown = shown;
  });
  effect(() => {
    if (!deps.active.value) reset();
  });
  effect(() => () => {
    if (idle !== undefined) clearTimer(idle);
  });

  return {
    /** The visitor's choice, if any. */
    visitor,
    /** The language the kiosk shows now. */
    current: computed(() => visitor.value ?? deps.home.value),
    async load() {
      const stored = await deps.load();
      // read before kiosk mode resumes (main.tsx enters it after the models are made): the caller only hands over a
      // visitor's choice when the device was a kiosk when it stopped
      if (stored !== undefined && deps.known(stored)) {
        visitor.value = stored;
        waitIdle();
      }
    },
    choose(code: string) {
      if (!deps.known(code)) return;
      if (code === deps.home.peek()) {
        reset();
        return;
      }
      visitor.value = code;
      waitIdle();
      void deps.save(code);
    },
    reset,
  };
});
export type KioskLanguageModel = InstanceType<typeof KioskLanguageModel>;
