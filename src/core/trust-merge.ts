// The one way trust data is merged into what is held (spec sections 3 and 4), whatever it came from: the scheme
// service, the files shipped beside the app, files staff choose, or the copy read back from storage. A bundle
// replaces the held one only after it verifies against a pinned root AND has a higher seq; a list is used only after
// it verifies against the bundle, and replaces the held list of the same uri only when it is newer (the
// StatusListSet keeps the later iat). What does not verify is ignored: the last good data keeps working.

import type { StatusListProblem } from './status-list.ts';
import { loadTrustBundle, replacesHeldBundle, type BundleRejection, type PinnedRoot } from './trust-bundle.ts';
import { buildTrustState, type TrustState } from './trust-state.ts';

/** Signed tokens to merge. Without a bundle, the lists are checked against the held one. */
export type Fetched = { bundleJwt?: string; listJwts: readonly string[] };

export type TrustMerge = {
  /** The state to adopt, or undefined when nothing changed. */
  next: TrustState | undefined;
  /** `kept`: no bundle came, or it was the held one (the same seq is kept, not refused). */
  bundle: 'replaced' | 'kept' | 'rejected';
  /** Why the bundle that came was refused. */
  bundleProblem?: string;
  bundleRejection?: BundleRejection;
  /** Lists that are new or newer than the held ones. */
  listsUpdated: number;
  /** Lists that came but were not usable (bad signature, unknown key, damaged): ignored as if absent. */
  listsIgnored: number;
  /** Each of those, by its position in `listJwts`. */
  ignored: { index: number; problem: StatusListProblem }[];
};

export async function mergeFetchedTrust(held: TrustState | undefined, fetched: Fetched, roots: readonly PinnedRoot[]): Promise<TrustMerge> {
  let bundle = held?.bundle;
  let verdict: TrustMerge['bundle'] = 'kept';
  let rejected: { bundleProblem: string; bundleRejection: BundleRejection } | undefined;
  if (fetched.bundleJwt !== undefined) {
    const loaded = await loadTrustBundle(fetched.bundleJwt, held ? { roots, heldSeq: held.bundle.seq } : { roots });
    if (!loaded.ok) {
      verdict = 'rejected';
      rejected = { bundleProblem: loaded.detail, bundleRejection: loaded.reason };
    } else if (replacesHeldBundle(loaded.bundle, bundle)) {
      bundle = loaded.bundle;
      verdict = 'replaced';
    }
  }
  if (!bundle) {
    // no bundle held or adopted: there is no key to check a list with
    const ignored = fetched.listJwts.map((_, index) => ({ index, problem: 'unknown-key' as const }));
    return { next: undefined, bundle: verdict, ...rejected, listsUpdated: 0, listsIgnored: ignored.length, ignored };
  }

  const heldJwts = held ? held.statusLists.all().map((l) => l.jwt) : [];
  // held lists first: with a new bundle they are decoded again, so a list whose key left the bundle drops out
  const state = await buildTrustState(bundle, [...heldJwts, ...fetched.listJwts]);
  const before = new Set(heldJwts);
  const kept = state.statusLists.all();
  const listsUpdated = kept.filter((l) => !before.has(l.jwt)).length;
  const ignored = state.ignored.filter((i) => i.index >= heldJwts.length).map((i) => ({ index: i.index - heldJwts.length, problem: i.problem }));
  const changed = verdict === 'replaced' || listsUpdated > 0 || kept.length !== heldJwts.length;
  return { next: changed ? state : undefined, bundle: verdict, ...rejected, listsUpdated, listsIgnored: ignored.length, ignored };
}
