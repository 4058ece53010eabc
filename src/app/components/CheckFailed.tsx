// Said when a check could not be done at all (a broken environment, not a bad passport), so nobody waits on "checking".

import { M } from '../messages.ts';
import { useModels } from '../models/context.ts';

export function CheckFailed() {
  const { verdict } = useModels();
  if (!verdict.failed.value) return null;
  return (
    <p class="freshness freshness--problem" role="alert">
      {M.checkFailed}
    </p>
  );
}
