// "Paste or type the passport code": for a passport sent by message, read aloud, or when the camera is refused.

import { useState } from 'preact/hooks';
import { useT } from '../words.ts';

type Props = { onScan: (text: string) => void };

export function PasteBox({ onScan }: Props) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setEmpty(true);
    setEmpty(false);
    setText(''); // the screen clears its memory of a passport once it is checked
    onScan(trimmed);
  };

  return (
    <form class="paste-box" onSubmit={submit} noValidate>
      <h2 id="paste-heading">{t('paste.heading')}</h2>
      <label for="paste-code">{t('paste.label')}</label>
      <p id="paste-hint" class="hint">
        {t('paste.hint')}
      </p>
      <textarea
        id="paste-code"
        name="code"
        rows={3}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        aria-describedby={empty ? 'paste-hint paste-empty' : 'paste-hint'}
        aria-invalid={empty}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {empty && (
        <p id="paste-empty" class="error" role="alert">
          {t('paste.empty')}
        </p>
      )}
      <button type="submit">{t('paste.check')}</button>
    </form>
  );
}
