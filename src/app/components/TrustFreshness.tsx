// One line above the camera: how old the trust data is, or that there is none (so staff know before scanning).

import { useModels } from '../models/context.ts';
import { agoWords, M, SYNC_M } from '../messages.ts';

export function TrustFreshness() {
  const { trust } = useModels();
  const age = trust.age.value;
  if (trust.loading.value && !age) return <p class="freshness">{M.loadingTrust}</p>;
  if (!age) return <p class="freshness freshness--problem">{M.noTrust}</p>;
  // issue 4: the cancellation list's age is what tells staff whether a revocation could be missing
  return (
    <p class="freshness">
      {M.trustAgeBadge(agoWords(age.bundle))}
      {age.oldestList !== undefined && `. ${SYNC_M.listAgeBadge(agoWords(age.oldestList))}`}
    </p>
  );
}
