// A quiet note that a new version is ready. It waits while a verification is in progress (`busy`: a verdict on
// screen, a redemption being recorded) and never reloads on its own: staff choose the moment.

import { useState } from 'preact/hooks';
// main.tsx registers the service worker, after the first verdict (issue 13): the prompt only listens
import { applyUpdate, updateAvailable } from '../adapters/sw-bridge.ts';
import { useT } from '../words.ts';
import './update-prompt.css';

export type UpdatePromptProps = {
  /** While true the prompt stays out of sight; it shows again once the verification is over. */
  busy?: boolean;
};

export function UpdatePrompt({ busy = false }: UpdatePromptProps) {
  const { t } = useT();
  const [later, setLater] = useState(false);

  if (!updateAvailable.value || busy || later) return null;
  return (
    <div class="update-prompt" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" onClick={applyUpdate}>
        {t('update.apply')}
      </button>
      <button type="button" onClick={() => setLater(true)}>
        {t('update.later')}
      </button>
    </div>
  );
}
