// In the app header, always: how many records wait for upload, and whether uploading is stuck (issue 4).

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function SyncStatus() {
  const { sync } = useModels();
  const { t } = useT();
  if (!sync) return null;
  const { waiting, status } = sync.uploader;
  const count = waiting.value;
  const state = status.value;
  const note =
    state === 'revoked'
      ? t('sync.upload.revokedShort')
      : state === 'uploading'
        ? t('sync.upload.uploadingShort')
        : state === 'waiting-to-retry' && count > 0
          ? t('sync.upload.retryShort')
          : undefined;
  return (
    <p class={`topbar__sync${state === 'revoked' ? ' topbar__sync--problem' : ''}`} role="status" aria-label={t('sync.upload.statusLabel')} data-waiting={count}>
      {t('sync.upload.waitingShort', { count })}
      {note && `: ${note}`}
    </p>
  );
}
