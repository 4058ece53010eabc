// Said when a check could not be done at all (a broken environment, not a bad passport), so nobody waits on "checking".

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function CheckFailed() {
  const { t } = useT();
  const { verdict } = useModels();
  if (!verdict.failed.value) return null;
  return (
    <p class="freshness freshness--problem" role="alert">
      {t('app.checkFailed')}
    </p>
  );
}
