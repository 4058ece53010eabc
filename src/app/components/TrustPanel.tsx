// Settings: the trust data held, with its age, and loading a bundle or cancellation lists from files.

import { useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';
import { fileProblemWords } from './trust-words.ts';

export function TrustPanel() {
  const { trust } = useModels();
  const words = useT();
  const { t, ago } = words;
  const info = trust.info.value;
  const age = trust.age.value;
  const [loaded, setLoaded] = useState<number | undefined>(undefined);

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
    input.value = '';
    setLoaded(await trust.loadFiles(files));
  };

  return (
    <section class="settings__section" aria-labelledby="trust-heading">
      <h2 id="trust-heading">{t('trustPanel.section')}</h2>
      {info && age ? (
        <ul class="trust-list">
          <li>
            {t('trustPanel.bundleAge', { ago: ago(age.bundle) })}.{' '}
            {t('trustPanel.bundleSeq', { seq: info.seq, expires: words.date(info.bundleExp * 1000, { dateStyle: 'long' }) })}
          </li>
          {age.lists.map((l) => (
            <li key={l.iss}>{l.seconds === undefined ? t('trustPanel.listMissing', { issuer: l.issuer }) : t('trustPanel.listAge', { issuer: l.issuer, ago: ago(l.seconds) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('trustPanel.none')}</p>
      )}
      <label for="trust-files">{t('trustPanel.loadFiles')}</label>
      <p id="trust-files-hint" class="hint">
        {t('trustPanel.loadHint')}
      </p>
      <input id="trust-files" type="file" multiple accept=".jwt,.txt,application/jwt" aria-describedby="trust-files-hint" onChange={choose} />
      <div role="status">
        {loaded !== undefined && loaded > 0 && <p>{t('trustPanel.loaded', { count: loaded })}</p>}
        {trust.fileProblems.value.map((problem) => (
          <p key={problem.file} class="error">
            {fileProblemWords(words, problem)}
          </p>
        ))}
      </div>
    </section>
  );
}
