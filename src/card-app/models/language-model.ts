// The card page's language (issue 12 point 3): English until the carer picks another in the page's picker; the choice
// is kept in the page's own storage on this phone, so the page opens in it next time, offline too.

import { createModel, signal } from '@preact/signals';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/languages.ts';
import type { CardStorage } from '../adapters/card-storage.ts';

export const CardLanguageModel = createModel((storage: Pick<CardStorage, 'loadLanguage' | 'saveLanguage'>) => {
  const current = signal<Locale>(DEFAULT_LOCALE);
  return {
    current,
    async load() {
      current.value = (await storage.loadLanguage()) ?? DEFAULT_LOCALE;
    },
    choose(locale: Locale) {
      current.value = locale;
      return storage.saveLanguage(locale);
    },
  };
});
export type CardLanguage = InstanceType<typeof CardLanguageModel>;
