// The trust data the app verifies with: the held copy first (works offline), then the shipped files if newer,
// then files staff choose in Settings, each merged by the core's one merge (mergeFetchedTrust). The core TrustState
// is built once per change, never per scan. How old the data is, and whether a list is too old, are computed from
// the injected clock.

import { computed, createModel, signal } from '@preact/signals';
import { mergeFetchedTrust, type PinnedRoot, type TrustState } from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { TrustFile, TrustFileProblem, TrustTokens } from '../trust-data.ts';
import { tickingClock } from './clock.ts';

export type TrustDeps = {
  storage: AppStorage;
  roots: readonly PinnedRoot[];
  fetchShipped: () => Promise<TrustTokens | undefined>;
  /**
   * With a copy held, the shipped files are an update check: fetched once this resolves (main.tsx: just after the first
   * verdict, or a moment after the decoder and the held copy are ready, or five seconds after start at most), so their
   * fetches and checks take no time from the first verdict (issue 13). With nothing held, or without it, at once.
   */
  shippedCheckWhen?: () => Promise<unknown>;
  now?: () => number;
  /** How often ages on screen move (the clock is read again); 30 s by default. */
  tickMs?: number;
};

export type TrustInfo = {
  bundleIat: number;
  bundleExp: number;
  seq: number;
  lists: { issuer: string; iat: number | undefined }[];
};

/** How old the data held is, in seconds, now. */
export type TrustAge = {
  bundle: number;
  /** Each issuer's newest list; `staleDays` is set when it is older than the bundle's status_max_age (spec section 4). */
  lists: { iss: string; issuer: string; seconds: number | undefined; staleDays: number | undefined }[];
  /** The oldest of those lists: what tells staff whether a cancellation could be missing (issue 4). */
  oldestList: number | undefined;
};

/** A point on the page's performance timeline (read by `npm run bench -- app-lowend`); absent in some test DOMs. */
const mark = (name: string) => globalThis.performance?.mark?.(name);

export const TrustModel = createModel((deps: TrustDeps) => {
  const now = deps.now ?? (() => Date.now());
  const clock = tickingClock(now, deps.tickMs);
  const state = signal<TrustState | undefined>(undefined);
  const loading = signal(true);
  /** Why each file staff last chose was not used (codes). */
  const fileProblems = signal<TrustFileProblem[]>([]);
  let ready: Promise<TrustState | undefined> = Promise.resolve(undefined);
  let usable: Promise<unknown> = Promise.resolve();

  const info = computed((): TrustInfo | undefined => {
    const held = state.value;
    if (!held) return undefined;
    const lists = held.statusLists.all();
    return {
      bundleIat: held.bundle.iat,
      bundleExp: held.bundle.exp,
      seq: held.bundle.seq,
      lists: held.bundle.issuers.map((issuer) => {
        const own = lists.filter((l) => l.issuer === issuer.iss).map((l) => l.iat);
        return { issuer: issuer.name, iat: own.length > 0 ? Math.max(...own) : undefined };
      }),
    };
  });

  const age = computed((): TrustAge | undefined => {
    const held = state.value;
    if (!held) return undefined;
    const seconds = clock.value / 1000;
    const lists = held.bundle.issuers.map((issuer) => {
      const own = held.statusLists.all().filter((l) => l.issuer === issuer.iss);
      const listAge = own.length > 0 ? seconds - Math.max(...own.map((l) => l.iat)) : undefined;
      const staleDays = listAge !== undefined && listAge > held.bundle.statusMaxAge ? Math.floor(listAge / 86_400) : undefined;
      return { iss: issuer.iss, issuer: issuer.name, seconds: listAge, staleDays };
    });
    const listAges = lists.flatMap((l) => (l.seconds === undefined ? [] : [l.seconds]));
    return { bundle: seconds - held.bundle.iat, lists, oldestList: listAges.length > 0 ? Math.max(...listAges) : undefined };
  });

  const save = async (next: TrustState) => {
    clock.value = now();
    state.value = next;
    const listJwts = next.statusLists.all().map((l) => l.jwt);
    await deps.storage.saveTrust({ bundleJwt: next.bundle.jwt, listJwts, fetchedAt: new Date(now()).toISOString() });
  };

  /** The copy held in IndexedDB, verified again as it is read (a stored bundle still obeys rollback and expiry). */
  const readHeld = async () => {
    const held = await deps.storage.loadTrust();
    if (held) {
      const read = await mergeFetchedTrust(undefined, held, deps.roots);
      if (read.next) {
        clock.value = now();
        state.value = read.next;
      }
    }
    mark('cp:trust-held');
  };

  const start = async (heldRead: Promise<void>, shippedFetch: Promise<TrustTokens | undefined>): Promise<TrustState | undefined> => {
    await heldRead;
    const shipped = await shippedFetch;
    if (shipped) {
      // the same bundle: newer shipped lists still replace older held ones (the set keeps the newest per uri)
      const merge = await mergeFetchedTrust(state.peek(), shipped, deps.roots);
      if (merge.next) await save(merge.next);
    }
    loading.value = false;
    mark('cp:trust-ready');
    return state.peek();
  };

  return {
    state,
    loading,
    fileProblems,
    info,
    age,
    start() {
      const heldRead = readHeld();
      // without a moment to wait for, the shipped files are fetched while the held copy is read (a first visit has no
      // held copy and waits on them); with one, they wait for it when a copy is held
      const later = deps.shippedCheckWhen;
      const shippedFetch = later ? heldRead.catch(() => undefined).then(() => state.peek() && later()).then(() => deps.fetchShipped()) : deps.fetchShipped();
      ready = start(heldRead, shippedFetch);
      usable = heldRead.then(() => (state.peek() ? undefined : ready));
      return ready;
    },
    /** Resolves once the first load has finished, with whatever is held then. */
    whenReady: (): Promise<TrustState | undefined> => ready.then(() => state.peek()),
    /**
     * Resolves as soon as there is trust data to verify with: the held copy once it verified, or, with none held, once
     * the first load finished. A scan at start does not wait for the shipped files (an update check, issue 13); a
     * scan after they arrive uses them.
     */
    whenUsable: (): Promise<TrustState | undefined> => usable.then(() => state.peek()),
    /** Adopts a state already verified and merged by the caller (the sync model's refresh from the service). */
    adopt: (next: TrustState): Promise<void> => save(next),
    /** Files staff chose in Settings (read by code loaded then: no till needs it before its first verdict). */
    async loadFiles(files: TrustFile[]): Promise<number> {
      // after the first load, shipped files included: two merges at once would each save over the other's
      await ready.catch(() => undefined);
      const { loadTrustFiles } = await import('../trust-data.ts');
      const outcome = await loadTrustFiles(files, state.peek(), deps.roots);
      if (outcome.state) await save(outcome.state);
      fileProblems.value = outcome.problems;
      return outcome.loaded;
    },
  };
});
export type TrustModel = InstanceType<typeof TrustModel>;
