// One line above the camera: how old the trust data is, or that there is none (so staff know before scanning).

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function TrustFreshness() {
  const { trust } = useModels();
  const { t, ago } = useT();
  const age = trust.age.value;
  if (trust.loading.value && !age) return <p class="freshness">{t('app.loadingTrust')}</p>;
  if (!age) return <p class="freshness freshness--problem">{t('app.noTrust')}</p>;
  // issue 4: the cancellation list's age is what tells staff whether a revocation could be missing
  return (
    <p class="freshness">
      {t('trust.ageBadge', { ago: ago(age.bundle) })}
      {age.oldestList !== undefined && `. ${t('trust.listAgeBadge', { ago: ago(age.oldestList) })}`}
    </p>
  );
}
