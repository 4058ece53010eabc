// In the app header, always: how many records wait for upload, and whether uploading is stuck (issue 4).

import { useModels } from '../models/context.ts';
import { SYNC_M } from '../messages.ts';

export function SyncStatus() {
  const { sync } = useModels();
  if (!sync) return null;
  const { waiting, status } = sync.uploader;
  const count = waiting.value;
  const state = status.value;
  const note =
    state === 'revoked' ? SYNC_M.revokedShort : state === 'uploading' ? SYNC_M.uploadingShort : state === 'waiting-to-retry' && count > 0 ? SYNC_M.retryShort : undefined;
  return (
    <p class={`topbar__sync${state === 'revoked' ? ' topbar__sync--problem' : ''}`} role="status" aria-label={SYNC_M.statusLabel} data-waiting={count}>
      {SYNC_M.waitingShort(count)}
      {note && `: ${note}`}
    </p>
  );
}
