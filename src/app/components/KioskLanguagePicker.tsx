// The kiosk's language picker: a visitor chooses the language the kiosk speaks for their visit
// (models/kiosk-language-model.ts says how long the choice lasts).

import { LANGUAGES } from '../../i18n/languages.ts';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';
import { LanguageButtons } from './LanguageButtons.tsx';

const PICKER_LANGUAGES = LANGUAGES.map((l) => ({ code: l.locale, nativeName: l.nativeName, dir: l.dir }));

export function KioskLanguagePicker() {
  const { kioskLanguage } = useModels();
  const { t } = useT();
  return (
    <header class="kiosk__languages">
      <LanguageButtons
        languages={PICKER_LANGUAGES}
        current={kioskLanguage.current.value}
        label={t('languagePicker.label')}
        onChoose={(code) => kioskLanguage.choose(code)}
      />
    </header>
  );
}
