// Settings: the trust data held, with its age, and loading a bundle or cancellation lists from files.

import { useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import { agoWords, LOCALE, M } from '../messages.ts';

export function TrustPanel() {
  const { trust } = useModels();
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
      <h2 id="trust-heading">{M.trustSection}</h2>
      {info && age ? (
        <ul class="trust-list">
          <li>
            {M.trustBundleAge(agoWords(age.bundle))}.{' '}
            {M.trustBundleSeq(info.seq, new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long' }).format(new Date(info.bundleExp * 1000)))}
          </li>
          {age.lists.map((l) => (
            <li key={l.iss}>{l.seconds === undefined ? M.trustListMissing(l.issuer) : M.trustListAge(l.issuer, agoWords(l.seconds))}</li>
          ))}
        </ul>
      ) : (
        <p>{M.trustNone}</p>
      )}
      <label for="trust-files">{M.trustLoadFiles}</label>
      <p id="trust-files-hint" class="hint">
        {M.trustLoadHint}
      </p>
      <input id="trust-files" type="file" multiple accept=".jwt,.txt,application/jwt" aria-describedby="trust-files-hint" onChange={choose} />
      <div role="status">
        {loaded !== undefined && loaded > 0 && <p>{M.trustLoaded(loaded)}</p>}
        {trust.messages.value.map((message) => (
          <p key={message} class="error">
            {message}
          </p>
        ))}
      </div>
    </section>
  );
}
