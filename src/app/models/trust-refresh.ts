// Merging trust data fetched from the scheme service into the trust state held (issue 4, spec sections 3 and 4):
// a fetched bundle replaces the held one only after it verifies against a pinned root AND has a higher seq; a
// fetched list is used only after it verifies against the bundle, and replaces the held list of the same uri only
// when it is newer (the core's StatusListSet keeps the later iat). What does not verify is ignored: the last good
// data keeps working.

import { buildTrustState, loadTrustBundle, replacesHeldBundle, type PinnedRoot, type TrustState } from '../../core/index.ts';

export type Fetched = { bundleJwt: string; listJwts: readonly string[] };

export type TrustMerge = {
  /** The state to adopt, or undefined when nothing changed. */
  next: TrustState | undefined;
  bundle: 'replaced' | 'kept' | 'rejected';
  /** Why the fetched bundle was refused (the same seq as the held one is "kept", not refused). */
  bundleProblem?: string;
  /** Lists that are new or newer than the held ones. */
  listsUpdated: number;
  /** Fetched lists that were not usable (bad signature, unknown key, damaged): ignored as if absent. */
  listsIgnored: number;
};

export async function mergeFetchedTrust(held: TrustState | undefined, fetched: Fetched, roots: readonly PinnedRoot[]): Promise<TrustMerge> {
  const loaded = await loadTrustBundle(fetched.bundleJwt, held ? { roots, heldSeq: held.bundle.seq } : { roots });
  let bundle = held?.bundle;
  let verdict: TrustMerge['bundle'] = 'kept';
  let bundleProblem: string | undefined;
  if (!loaded.ok) {
    verdict = 'rejected';
    bundleProblem = loaded.detail;
  } else if (replacesHeldBundle(loaded.bundle, bundle)) {
    bundle = loaded.bundle;
    verdict = 'replaced';
  }
  if (!bundle) return { next: undefined, bundle: verdict, ...(bundleProblem ? { bundleProblem } : {}), listsUpdated: 0, listsIgnored: fetched.listJwts.length };

  const heldJwts = held ? held.statusLists.all().map((l) => l.jwt) : [];
  // held lists first: with a new bundle they are decoded again, so a list whose key left the bundle drops out
  const state = await buildTrustState(bundle, [...heldJwts, ...fetched.listJwts]);
  const before = new Set(heldJwts);
  const kept = state.statusLists.all();
  const listsUpdated = kept.filter((l) => !before.has(l.jwt)).length;
  const listsIgnored = state.ignored.filter((i) => i.index >= heldJwts.length).length;
  const changed = verdict === 'replaced' || listsUpdated > 0 || kept.length !== heldJwts.length;
  return {
    next: changed ? state : undefined,
    bundle: verdict,
    ...(bundleProblem ? { bundleProblem } : {}),
    listsUpdated,
    listsIgnored,
  };
}
