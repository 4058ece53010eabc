// The chosen language's words for components (the staff app's and the card page's): one language at a time, and of
// it only the parts of the catalogue the page has needed so far (src/i18n/parts.ts), each through the chunk the build
// made for it (src/build/i18n-plugin.ts). Models never import this file: they expose codes and values, and
// components turn them into words with useT().t(key, values).

import { effect, signal } from '@preact/signals';
import catalogues from 'virtual:carers-passport/catalogues';
import type { CompiledCatalogue } from '../i18n/catalogue.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/languages.ts';
import type { Part } from '../i18n/parts.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';

const current = signal<Translator | undefined>(undefined);
let wantedLocale: Locale | undefined;
const wantedParts = new Set<Part>();
let loadedParts: ReadonlySet<Part> = new Set();

/**
 * Loads the parts of one language's catalogue wanted so far, with `parts` (English for a language that has no
 * catalogue yet), and makes them the words on screen.
 */
export async function loadLanguage(locale: Locale, parts: readonly Part[] = []): Promise<Translator> {
  wantedLocale = locale;
  for (const part of parts) wantedParts.add(part);
  const asked = [...wantedParts];
  const loaders = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
  if (!loaders) throw new Error(`no message catalogue for ${DEFAULT_LOCALE}`);
  const loaded: CompiledCatalogue[] = await Promise.all(
    asked.map((part) => {
      const load = loaders[part];
      if (!load) throw new Error(`no part ${part} in the message catalogues`);
      return load();
    }),
  );
  const translator = createTranslator({ meta: loaded[0]!.meta, messages: Object.assign({}, ...loaded.map((c) => c.messages)) });
  // a later choice that finished first stands
  if (wantedLocale === locale && asked.every((p) => wantedParts.has(p)) && asked.length === wantedParts.size) {
    current.value = translator;
    loadedParts = new Set(asked);
  }
  return current.value ?? translator;
}

/** Resolves once `part` of the language on screen is loaded (Settings and History wait for theirs). */
export function needWords(part: Part): Promise<unknown> {
  if (loadedParts.has(part) && wantedParts.has(part)) return Promise.resolve();
  return loadLanguage(wantedLocale ?? DEFAULT_LOCALE, [part]);
}

/** Keeps the words, and `lang` and `dir` on the document root, on the language `chosen` returns. */
export function followLanguage(chosen: () => Locale, root: HTMLElement = document.documentElement): () => void {
  const stopLoading = effect(() => {
    const locale = chosen();
    if (wantedLocale !== locale) void loadLanguage(locale);
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
