// What staff see of the outbox uploader (outbox-uploader.ts) from the first screen: how many records wait, which
// were refused, and whether it is uploading. Kept apart from the uploading itself, which the app loads only when it
// first syncs (issues 12 and 13: the first verdict does not wait for code it does not use).

import { signal } from '@preact/signals';
import type { AppStorage, RejectedRecord } from '../adapters/storage.ts';
import type { SyncFailure } from '../adapters/sync-client.ts';

export type UploaderStatus = 'idle' | 'uploading' | 'waiting-to-retry' | 'revoked' | 'not-enrolled';

/** The reason kept for a record refused on the device (the catalogue has its words). */
export const FAILED_EVERY_TIME = 'service-failed-every-time';

export function createUploaderState(storage: Pick<AppStorage, 'countWaiting' | 'listRejected'>) {
  const waiting = signal(0);
  const rejected = signal<RejectedRecord[]>([]);
  return {
    waiting,
    rejected,
    status: signal<UploaderStatus>('idle'),
    lastProblem: signal<SyncFailure['kind'] | undefined>(undefined),
    lastUploadedAt: signal<number | undefined>(undefined),
    retryAt: signal<number | undefined>(undefined),
    /** Reads the counts again from storage (after a redemption, an upload, or at start). */
    async refreshCounts(): Promise<void> {
      const [count, refused] = await Promise.all([storage.countWaiting(), storage.listRejected()]);
      waiting.value = count;
      rejected.value = refused;
    },
  };
}
export type UploaderState = ReturnType<typeof createUploaderState>;
