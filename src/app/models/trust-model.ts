// The trust data the app verifies with: the held copy first (works offline), then the shipped files if newer,
// then files staff choose in Settings. The core TrustState is built once per change, never per scan.

import { computed, createModel, signal } from '@preact/signals';
import { buildTrustState, replacesHeldBundle, type PinnedRoot, type TrustState } from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import { adoptTrust, loadTrustFiles, type TrustFile, type TrustTokens } from '../trust-data.ts';

export type TrustDeps = {
  storage: AppStorage;
  roots: readonly PinnedRoot[];
  fetchShipped: () => Promise<TrustTokens | undefined>;
  now?: () => number;
};

export type TrustInfo = {
  bundleIat: number;
  bundleExp: number;
  seq: number;
  lists: { issuer: string; iat: number | undefined }[];
};

/** A point on the page's performance timeline (read by `npm run bench -- app-lowend`); absent in some test DOMs. */
const mark = (name: string) => globalThis.performance?.mark?.(name);

export const TrustModel = createModel((deps: TrustDeps) => {
  const now = deps.now ?? (() => Date.now());
  const state = signal<TrustState | undefined>(undefined);
  const loading = signal(true);
  const messages = signal<string[]>([]);
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

  const save = async (next: TrustState) => {
    state.value = next;
    const listJwts = next.statusLists.all().map((l) => l.jwt);
    await deps.storage.saveTrust({ bundleJwt: next.bundle.jwt, listJwts, fetchedAt: new Date(now()).toISOString() });
  };

  /** The copy held in IndexedDB, verified again as it is read (a stored bundle still obeys rollback and expiry). */
  const readHeld = async () => {
    const held = await deps.storage.loadTrust();
    if (held) {
      const adopted = await adoptTrust(held, deps.roots);
      if (adopted.ok) state.value = adopted.state;
    }
    mark('cp:trust-held');
  };

  const start = async (heldRead: Promise<void>, shippedFetch: Promise<TrustTokens | undefined>): Promise<TrustState | undefined> => {
    await heldRead;
    const shipped = await shippedFetch;
    if (shipped) {
      const current = state.peek();
      const adopted = await adoptTrust(shipped, deps.roots, current?.bundle.seq);
      if (adopted.ok && replacesHeldBundle(adopted.state.bundle, current?.bundle)) await save(adopted.state);
      else if (current) {
        // same bundle: newer shipped lists still replace older held ones (the set keeps the newest per uri)
        const merged = await buildTrustState(current.bundle, [...current.statusLists.all().map((l) => l.jwt), ...shipped.listJwts]);
        const before = new Set(current.statusLists.all().map((l) => l.jwt));
        if (merged.statusLists.all().some((l) => !before.has(l.jwt))) await save(merged);
      }
    }
    loading.value = false;
    mark('cp:trust-ready');
    return state.peek();
  };

  return {
    state,
    loading,
    messages,
    info,
    start() {
      // the shipped files are fetched while the held copy is read: a first visit has no held copy and waits on them
      const shippedFetch = deps.fetchShipped();
      const heldRead = readHeld();
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
    async loadFiles(files: TrustFile[]): Promise<number> {
      const outcome = await loadTrustFiles(files, state.peek(), deps.roots);
      if (outcome.state) await save(outcome.state);
      messages.value = outcome.messages;
      return outcome.loaded;
    },
  };
});
export type TrustModel = InstanceType<typeof TrustModel>;
