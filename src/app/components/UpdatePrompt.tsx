// A quiet note that a new version is ready, from the update model: it waits while a verification is in progress (a
// verdict on screen, a redemption being recorded) and never reloads on its own: staff choose the moment.

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';
import './update-prompt.css';

export function UpdatePrompt() {
  const { update } = useModels();
  const { t } = useT();
  if (!update.offered.value) return null;
  return (
    <div class="update-prompt" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" onClick={() => update.apply()}>
        {t('update.apply')}
      </button>
      <button type="button" onClick={() => update.putOff()}>
        {t('update.later')}
      </button>
    </div>
  );
}
