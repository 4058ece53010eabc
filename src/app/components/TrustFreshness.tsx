// One line above the camera: how old the trust data is, or that there is none (so staff know before scanning).

import { useModels } from '../models/context.ts';
import { agoWords, M, SYNC_M } from '../messages.ts';

export function TrustFreshness() {
  const { trust } = useModels();
  const info = trust.info.value;
  if (trust.loading.value && !info) return <p class="freshness">{M.loadingTrust}</p>;
  if (!info) return <p class="freshness freshness--problem">{M.noTrust}</p>;
  const nowSeconds = Date.now() / 1000;
  // issue 4: the cancellation list's age is what tells staff whether a revocation could be missing
  const listIats = info.lists.flatMap((l) => (l.iat === undefined ? [] : [l.iat]));
  const oldestList = listIats.length > 0 ? Math.min(...listIats) : undefined;
  return (
    <p class="freshness">
      {M.trustAgeBadge(agoWords(nowSeconds - info.bundleIat))}
      {oldestList !== undefined && `. ${SYNC_M.listAgeBadge(agoWords(nowSeconds - oldestList))}`}
    </p>
  );
}
