// The outbox uploader (issue 4): sends waiting redemption records in batches and changes a record's state only
// after the service has answered for it, so closing the tab, a dropped network, a 500 or a batch sent twice loses
// nothing (the service stores each record id once). One upload in flight at a time; failures back off
// exponentially with full jitter; a 401 stops uploading until the device is enrolled again.

import { signal, createModel } from '@preact/signals';
import { toUploadRecord } from '../../core/index.ts';
import type { AppStorage, RejectedRecord } from '../adapters/storage.ts';
import type { SyncClient, SyncFailure } from '../adapters/sync-client.ts';

export type UploadSession = { serviceUrl: string; token: string };

/** What starts an upload. Automatic triggers respect the back-off; staff and the `online` event do not wait. */
export type UploadTrigger = 'start' | 'online' | 'interval' | 'redemption' | 'manual' | 'retry';

export type UploaderStatus = 'idle' | 'uploading' | 'waiting-to-retry' | 'revoked' | 'not-enrolled';

export type UploaderDeps = {
  storage: Pick<AppStorage, 'listWaiting' | 'countWaiting' | 'markUploaded' | 'markRejected' | 'listRejected'>;
  client: Pick<SyncClient, 'upload'>;
  /** Where and as whom to upload; undefined when the device is not enrolled (or was removed). */
  session: () => UploadSession | undefined;
  /** The service answered 401: the device was removed from the scheme. */
  onUnauthorised?: () => void;
  /** Some records changed state (the history can reload). */
  onChanged?: () => void;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => number;
};

export const MAX_BATCH = 500;
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** "Full jitter": a random wait between 0 and min(cap, base * 2^(failures - 1)). */
export function backoffDelay(failures: number, random: () => number, base = BASE_DELAY_MS, cap = MAX_DELAY_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

export const OutboxUploader = createModel((deps: UploaderDeps) => {
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const batchSize = Math.min(MAX_BATCH, deps.batchSize ?? MAX_BATCH);
  const waiting = signal(0);
  const rejected = signal<RejectedRecord[]>([]);
  const status = signal<UploaderStatus>('idle');
  const lastProblem = signal<SyncFailure['kind'] | undefined>(undefined);
  const lastUploadedAt = signal<number | undefined>(undefined);
  const retryAt = signal<number | undefined>(undefined);
  let failures = 0;
  let inFlight: Promise<void> | undefined;
  /** A trigger that came while an upload was in flight: 'forced' ones (staff, online, retry) beat the back-off. */
  let again: 'none' | 'automatic' | 'forced' = 'none';
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const refreshCounts = async () => {
    const [count, refused] = await Promise.all([deps.storage.countWaiting(), deps.storage.listRejected()]);
    waiting.value = count;
    rejected.value = refused;
  };

  const clearRetry = () => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    retryAt.value = undefined;
  };

  const fail = (problem: SyncFailure) => {
    lastProblem.value = problem.kind;
    if (problem.kind === 'unauthorised') {
      clearRetry();
      status.value = 'revoked';
      deps.onUnauthorised?.();
      return;
    }
    failures++;
    let delay = backoffDelay(failures, random, deps.baseDelayMs, deps.maxDelayMs);
    if (problem.kind === 'rate-limited' && problem.retryAfterSeconds !== undefined) delay = Math.max(delay, problem.retryAfterSeconds * 1000);
    clearRetry();
    retryAt.value = now() + delay;
    status.value = 'waiting-to-retry';
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void upload('retry');
    }, delay);
  };

  /** Sends batches until the outbox is empty or a call fails. Records change state only from an answer. */
  const drain = async (): Promise<void> => {
    const session = deps.session();
    if (!session) {
      status.value = status.peek() === 'revoked' ? 'revoked' : 'not-enrolled';
      return;
    }
    status.value = 'uploading';
    for (;;) {
      const batch = await deps.storage.listWaiting(batchSize);
      if (batch.length === 0) break;
      const answer = await deps.client.upload(session.serviceUrl, session.token, batch.map(toUploadRecord));
      if (!answer.ok) return fail(answer);
      const byId = new Map(batch.map((r) => [r.id.toLowerCase(), r.id]));
      const acknowledged: string[] = [];
      const refused: { id: string; reason: string }[] = [];
      for (const result of answer.results) {
        const id = byId.get(result.id.toLowerCase());
        if (id === undefined) continue;
        if (result.status === 'rejected') refused.push({ id, reason: result.reason ?? '' });
        else acknowledged.push(id);
      }
      await deps.storage.markUploaded(acknowledged);
      if (refused.length > 0) await deps.storage.markRejected(refused, new Date(now()).toISOString());
      lastUploadedAt.value = now();
      await refreshCounts();
      deps.onChanged?.();
      // a record the answer did not mention stays waiting; do not spin on it, try again later
      if (acknowledged.length + refused.length < batch.length) return fail({ ok: false, kind: 'malformed', detail: 'not every record was answered' });
      failures = 0;
      lastProblem.value = undefined;
    }
    status.value = 'idle';
  };

  const upload = (trigger: UploadTrigger): Promise<void> => {
    if (status.peek() === 'revoked' && trigger !== 'manual') return Promise.resolve();
    const automatic = trigger === 'interval' || trigger === 'redemption' || trigger === 'start';
    if (inFlight) {
      again = !automatic || again === 'forced' ? 'forced' : 'automatic';
      return inFlight;
    }
    const backingOff = retryAt.peek() !== undefined && now() < retryAt.peek()!;
    if (backingOff && automatic) return Promise.resolve();
    clearRetry();
    // after a pass: go again for a forced trigger unless revoked, for an automatic one only if the pass went well
    const goAgain = () => (again === 'forced' && status.peek() !== 'revoked') || (again === 'automatic' && status.peek() === 'idle');
    inFlight = (async () => {
      try {
        do {
          if (again === 'forced') clearRetry();
          again = 'none';
          await drain();
          // the count staff see is right after every attempt, whether or not anything could be sent
          await refreshCounts();
        } while (goAgain());
      } catch {
        // storage failed (a broken environment): keep everything and try again later
        fail({ ok: false, kind: 'server', status: 0 });
      } finally {
        inFlight = undefined; // no await between the last look at `again` and here: no trigger is lost
      }
    })();
    return inFlight;
  };

  return {
    waiting,
    rejected,
    status,
    lastProblem,
    lastUploadedAt,
    retryAt,
    refreshCounts,
    upload,
    /** After enrolling again: the new token may upload. */
    reset() {
      clearRetry();
      failures = 0;
      lastProblem.value = undefined;
      status.value = 'idle';
    },
    stop() {
      clearRetry();
    },
  };
});
export type OutboxUploader = InstanceType<typeof OutboxUploader>;
