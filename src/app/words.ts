// The chosen language's words for components (the staff app's and the card page's): one catalogue loaded at a
// time, through the chunk the build made for it (src/build/i18n-plugin.ts). Models never import this file: they
// expose codes and values, and components turn them into words with useT().t(key, values).

import { effect, signal } from '@preact/signals';
import catalogues from 'virtual:carers-passport/catalogues';
import { DEFAULT_LOCALE, type Locale } from '../i18n/languages.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';

const current = signal<Translator | undefined>(undefined);
let wanted: Locale | undefined;

/** Loads one language's catalogue (English when that language has none yet) and makes it the words on screen. */
export async function loadLanguage(locale: Locale): Promise<Translator> {
  wanted = locale;
  const load = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
  if (!load) throw new Error(`no message catalogue for ${DEFAULT_LOCALE}`);
  const translator = createTranslator(await load());
  // a later choice that finished first stands
  if (wanted === locale) current.value = translator;
  return current.value ?? translator;
}

/** Keeps the words, and `lang` and `dir` on the document root, on the language `chosen` returns. */
export function followLanguage(chosen: () => Locale, root: HTMLElement = document.documentElement): () => void {
  const stopLoading = effect(() => {
    const locale = chosen();
    if (current.peek()?.locale !== locale || wanted !== locale) void loadLanguage(locale);
  });
  const stopMarking = effect(() => {
    const words = current.value;
    if (!words) return;
    root.lang = words.locale;
    root.dir = words.dir;
  });
  return () => {
    stopLoading();
    stopMarking();
  };
}

/** The words of the chosen language; a component that calls it renders again when the language changes. */
export function useT(): Translator {
  const words = current.value;
  if (!words) throw new Error('no language loaded: call loadLanguage() before the first render');
  return words;
}
