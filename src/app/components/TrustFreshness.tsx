// One line above the camera: how old the trust data is, or that there is none (so staff know before scanning).

import { useModels } from '../models/context.ts';
import { agoWords, M } from '../messages.ts';

export function TrustFreshness() {
  const { trust } = useModels();
  const info = trust.info.value;
  if (trust.loading.value && !info) return <p class="freshness">{M.loadingTrust}</p>;
  if (!info) return <p class="freshness freshness--problem">{M.noTrust}</p>;
  return <p class="freshness">{M.trustAgeBadge(agoWords(Date.now() / 1000 - info.bundleIat))}</p>;
}
