// The one way trust data is merged into what is held (spec sections 3 and 4), whatever it came from: the scheme
// service, the files shipped beside the app, files staff choose, or the copy read back from storage. A bundle
// replaces the held one only after it verifies against a pinned root AND has a higher seq; a list is used only after
// it verifies against the bundle, and replaces the held list of the same uri only when it is newer (the
// StatusListSet keeps the later iat). What does not verify is ignored: the last good data keeps working.

import { readHeaderKid } from './jws.ts';
import { decodeStatusList, StatusListSet, type StatusListProblem } from './status-list.ts';
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
  // the very token held, still signed by a pinned root: loading it again gives the same bundle, kept (same seq), so its
  // signature and keys are not checked twice at every start (issue 13)
  const sameAsHeld = held !== undefined && fetched.bundleJwt?.trim() === held.bundle.jwt && roots.some((r) => r.kid === readHeaderKid(held.bundle.jwt));
  if (fetched.bundleJwt !== undefined && !sameAsHeld) {
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
  // held lists first: with a new bundle they are decoded again, so a list whose key left the bundle drops out; under
  // the held bundle they stand as decoded, and a fetched list identical to a held one is not decoded again
  const state =
    held && bundle === held.bundle
      ? await addToHeld(held, fetched.listJwts, new Set(heldJwts))
      : await buildTrustState(bundle, [...heldJwts, ...fetched.listJwts]);
  const before = new Set(heldJwts);
  const kept = state.statusLists.all();
  const listsUpdated = kept.filter((l) => !before.has(l.jwt)).length;
  const ignored = state.ignored.filter((i) => i.index >= heldJwts.length).map((i) => ({ index: i.index - heldJwts.length, problem: i.problem }));
  const changed = verdict === 'replaced' || listsUpdated > 0 || kept.length !== heldJwts.length;
  return { next: changed ? state : undefined, bundle: verdict, ...rejected, listsUpdated, listsIgnored: ignored.length, ignored };
}

/** The held state plus fetched lists, decoded against the held bundle; `ignored` indexed as buildTrustState would. */
async function addToHeld(held: TrustState, listJwts: readonly string[], heldJwts: ReadonlySet<string>): Promise<TrustState> {
  const statusLists = new StatusListSet();
  for (const list of held.statusLists.all()) statusLists.add(list);
  const ignored: TrustState['ignored'] = [];
  const decoded = await Promise.all(listJwts.map((jwt) => (heldJwts.has(jwt.trim()) ? undefined : decodeStatusList(jwt, held.bundle))));
  decoded.forEach((result, index) => {
    if (!result) return; // held already, as this very token
    if (result.ok) statusLists.add(result.list);
    else ignored.push({ index: heldJwts.size + index, problem: result.problem });
  });
  return { bundle: held.bundle, statusLists, ignored };
}
