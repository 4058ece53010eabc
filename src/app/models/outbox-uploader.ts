// The outbox uploader (issue 4): sends waiting redemption records in batches and changes a record's state only
// after the service has answered for it, so closing the tab, a dropped network, a 500 or a batch sent twice loses
// nothing (the service stores each record id once). One upload in flight at a time; failures back off
// exponentially with full jitter; a 401 stops uploading until the device is enrolled again.
// One bad record never blocks the outbox (issue 8, point 5): a batch the service keeps failing (500) is split in
// halves, then smaller, so the good records go; a record the service fails on alone, again and again while it takes
// others, is refused here with a reason. Back-pressure (429, 503, Retry-After) and a gateway's 502/504 are waited
// out, never split: they say nothing about the records.

import { createModel } from '@preact/signals';
import { MAX_UPLOAD_BATCH, toUploadRecord, type RecordResult, type StoredRedemption } from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { SyncClient, SyncFailure } from '../adapters/sync-client.ts';
import { createUploaderState, FAILED_EVERY_TIME, type UploaderState } from './uploader-state.ts';

export { FAILED_EVERY_TIME, type UploaderStatus } from './uploader-state.ts';

export type UploadSession = { serviceUrl: string; token: string };

/** What starts an upload. Automatic triggers respect the back-off; staff and the `online` event do not wait. */
export type UploadTrigger = 'start' | 'online' | 'interval' | 'redemption' | 'manual' | 'retry';

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
  /** What staff see (the counts, the status), made before this uploader when the app starts; otherwise its own. */
  state?: UploaderState;
};

export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** Passes in a row in which the same first batch failed with a 500 before it is split. */
export const SPLIT_AFTER_FAILURES = 2;
/** Times a record must fail alone (while the service takes other records) before it is refused here. */
export const ALONE_ATTEMPTS = 3;
/** Requests one splitting pass may make: about two a halving of a 500-record batch, for a couple of bad records. */
export const SPLIT_REQUEST_BUDGET = 40;

/** A failure that may be caused by the records sent: a 5xx that is not back-pressure or a gateway's. */
export function mayBeTheRecords(problem: SyncFailure): boolean {
  return problem.kind === 'server' && problem.status >= 500 && ![502, 503, 504].includes(problem.status) && problem.retryAfterSeconds === undefined;
}

/** "Full jitter": a random wait between 0 and min(cap, base * 2^(failures - 1)). */
export function backoffDelay(failures: number, random: () => number, base = BASE_DELAY_MS, cap = MAX_DELAY_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

export const OutboxUploader = createModel((deps: UploaderDeps) => {
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const batchSize = Math.min(MAX_UPLOAD_BATCH, deps.batchSize ?? MAX_UPLOAD_BATCH);
  const state = deps.state ?? createUploaderState(deps.storage);
  const { status, lastProblem, lastUploadedAt, retryAt, refreshCounts } = state;
  let failures = 0;
  /** Passes in a row whose first batch failed in a way that may be its records' fault. */
  let batchFailures = 0;
  /** Answers the service gave (any record): a record is refused only if others were taken since it first failed. */
  let answers = 0;
  /** Records seen in a failed batch: how often each failed alone, and `answers` when it first failed. */
  const suspects = new Map<string, { alone: number; answersBefore: number }>();
  let inFlight: Promise<void> | undefined;
  /** A trigger that came while an upload was in flight: 'forced' ones (staff, online, retry) beat the back-off. */
  let again: 'none' | 'automatic' | 'forced' = 'none';
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

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
    const retryAfter = problem.kind === 'rate-limited' || problem.kind === 'server' ? problem.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) delay = Math.max(delay, retryAfter * 1000);
    clearRetry();
    retryAt.value = now() + delay;
    status.value = 'waiting-to-retry';
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void upload('retry');
    }, delay);
  };

  /** Applies an answer: records change state only from it. A record it did not mention stays waiting. */
  const settle = async (batch: readonly StoredRedemption[], results: readonly RecordResult[]): Promise<SyncFailure | undefined> => {
    answers++;
    const byId = new Map(batch.map((r) => [r.id.toLowerCase(), r.id]));
    const acknowledged: string[] = [];
    const refused: { id: string; reason: string }[] = [];
    for (const result of results) {
      const id = byId.get(result.id.toLowerCase());
      if (id === undefined) continue;
      if (result.status === 'rejected') refused.push({ id, reason: result.reason ?? '' });
      else acknowledged.push(id);
    }
    await deps.storage.markUploaded(acknowledged);
    if (refused.length > 0) await deps.storage.markRejected(refused, new Date(now()).toISOString());
    for (const { id } of [...acknowledged.map((id) => ({ id })), ...refused]) suspects.delete(id);
    lastUploadedAt.value = now();
    await refreshCounts();
    deps.onChanged?.();
    // do not spin on a record the answer did not mention: try again later
    if (acknowledged.length + refused.length < batch.length) return { ok: false, kind: 'malformed', detail: 'not every record was answered' };
    return undefined;
  };

  const suspect = (batch: readonly StoredRedemption[]) => {
    for (const r of batch) if (!suspects.has(r.id)) suspects.set(r.id, { alone: 0, answersBefore: answers });
  };

  /**
   * A batch the service failed on (500), sent again in halves, depth first, so the good records go. A record that
   * failed alone ALONE_ATTEMPTS times, while the service took other records, is refused here; a service that fails
   * on everything refuses nothing. Stops at the first failure that is not the records' (offline, 429, 503...).
   */
  const sendSplit = async (session: UploadSession, batch: readonly StoredRedemption[], failed: SyncFailure, budget: { left: number }): Promise<SyncFailure | undefined> => {
    if (batch.length === 1) {
      const record = batch[0]!;
      const seen = suspects.get(record.id) ?? { alone: 0, answersBefore: answers };
      seen.alone++;
      suspects.set(record.id, seen);
      if (seen.alone < ALONE_ATTEMPTS || answers <= seen.answersBefore) return failed;
      await deps.storage.markRejected([{ id: record.id, reason: FAILED_EVERY_TIME }], new Date(now()).toISOString());
      suspects.delete(record.id);
      await refreshCounts();
      deps.onChanged?.();
      return undefined;
    }
    const half = Math.ceil(batch.length / 2);
    let left: SyncFailure | undefined;
    for (const part of [batch.slice(0, half), batch.slice(half)]) {
      if (budget.left-- <= 0) return failed; // enough for one pass: the back-off comes first
      const answer = await deps.client.upload(session.serviceUrl, session.token, part.map(toUploadRecord));
      const problem = answer.ok ? await settle(part, answer.results) : mayBeTheRecords(answer) ? (suspect(part), await sendSplit(session, part, answer, budget)) : answer;
      if (!problem) continue;
      if (!mayBeTheRecords(problem)) return problem;
      left = problem; // this part still holds a bad record: go on with the other half
    }
    return left;
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
      let problem: SyncFailure | undefined;
      if (answer.ok) problem = await settle(batch, answer.results);
      else if (!mayBeTheRecords(answer)) problem = answer;
      else {
        suspect(batch);
        batchFailures++;
        problem = batchFailures < SPLIT_AFTER_FAILURES ? answer : await sendSplit(session, batch, answer, { left: SPLIT_REQUEST_BUDGET });
      }
      if (problem) return fail(problem);
      batchFailures = 0;
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
    ...state,
    upload,
    /** After enrolling again: the new token may upload. */
    reset() {
      clearRetry();
      failures = 0;
      batchFailures = 0;
      lastProblem.value = undefined;
      status.value = 'idle';
    },
    stop() {
      clearRetry();
    },
  };
});
export type OutboxUploader = InstanceType<typeof OutboxUploader>;
