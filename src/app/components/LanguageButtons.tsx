// The language buttons of the screens carers use themselves (the kiosk, the card page; /offers renders the same
// markup on the server): each language named in itself and marked with its own `lang`, so a screen reader speaks
// it in that language; the chosen one is a pressed toggle button. Big touch targets (lang.css).

export type PickerLanguage = { code: string; nativeName: string; dir: 'ltr' | 'rtl' };

export type LanguageButtonsProps = {
  languages: readonly PickerLanguage[];
  current: string;
  /** The group's name in the current language ("Language"). */
  label: string;
  onChoose: (code: string) => void;
  /** A phone's header: the list folds away behind the current language's name. */
  folded?: boolean;
};

export function LanguageButtons({ languages, current, label, onChoose, folded = false }: LanguageButtonsProps) {
  const list = (
    <ul class="language-picker__list">
      {languages.map((language) => (
        <li key={language.code}>
          <button
            type="button"
            class="language-picker__option"
            lang={language.code}
            dir={language.dir}
            aria-pressed={language.code === current}
            onClick={() => onChoose(language.code)}
          >
            {language.nativeName}
          </button>
        </li>
      ))}
    </ul>
  );
  const shown = languages.find((l) => l.code === current);
  if (!folded) {
    return (
      <div class="language-picker" role="group" aria-label={label}>
        <GlobeIcon />
        {list}
      </div>
    );
  }
  return (
    <details class="language-picker language-picker--folded">
      <summary class="language-picker__summary">
        <GlobeIcon />
        <span class="visually-hidden">{label}: </span>
        <span lang={shown?.code} dir={shown?.dir}>{shown?.nativeName ?? current}</span>
      </summary>
      <div role="group" aria-label={label}>
        {list}
      </div>
    </details>
  );
}

/** A globe: the sign for "language" that needs no words. */
export function GlobeIcon() {
  return (
    <svg class="language-picker__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" stroke-width="1.8">
        <circle cx="12" cy="12" r="9.5" />
        <path d="M2.5 12h19M12 2.5c-3.2 3.4-3.2 15.6 0 19M12 2.5c3.2 3.4 3.2 15.6 0 19" />
      </g>
    </svg>
  );
}
