// Settings: the language of the app's words (issue 12). Each language is named in itself, so staff who read only
// that language can find it; main.tsx loads the chosen catalogue and sets `lang` and `dir` on the page.

import { LANGUAGES, isLocale } from '../../i18n/languages.ts';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function LanguagePicker() {
  const { t } = useT();
  const { settings } = useModels();
  const chosen = settings.settings.value.language;
  return (
    <section class="settings__section" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('settings.language.section')}</h2>
      <label for="app-language">{t('settings.language.label')}</label>
      <select
        id="app-language"
        value={chosen}
        onChange={(e) => {
          const locale = e.currentTarget.value;
          if (isLocale(locale)) void settings.update({ language: locale });
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.locale} value={language.locale} lang={language.locale} dir={language.dir}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </section>
  );
}
