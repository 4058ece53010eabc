// Trust files staff choose in Settings: each bundle and list is merged into the held state by the core's one merge
// (a rejected bundle never replaces the held one, spec section 3), and each file that is not used says why.
// The shipped files and the scheme service are fetched by the sync client (adapters/sync-client.ts).

import { mergeFetchedTrust, readTyp, type BundleRejection, type PinnedRoot, type StatusListProblem, type TrustState } from '../core/index.ts';

export type TrustTokens = { bundleJwt: string; listJwts: readonly string[] };

export type TrustFile = { name: string; text: string };
/** Why a chosen file was not used, as codes (components say it in words). */
export type TrustFileProblem =
  | { file: string; why: 'NOT_A_TOKEN' | 'NOT_NEWER' | 'NO_BUNDLE' }
  | { file: string; why: 'BUNDLE_REJECTED'; rejection: BundleRejection }
  | { file: string; why: 'LIST_UNUSABLE'; problem: StatusListProblem };
export type FilesOutcome = { state?: TrustState; problems: TrustFileProblem[]; loaded: number };

/** Loads files staff chose: a bundle (replaces the held one only if it verifies and is not a rollback) and lists. */
export async function loadTrustFiles(files: readonly TrustFile[], held: TrustState | undefined, roots: readonly PinnedRoot[]): Promise<FilesOutcome> {
  const problems: TrustFileProblem[] = [];
  const lists: TrustFile[] = [];
  let state = held;
  let changed = false;
  let loaded = 0;
  // bundles first, in the order chosen; then every list against the bundle that is held at the end
  for (const file of files) {
    const typ = readTyp(file.text);
    if (typ === 'statuslist+jwt') lists.push(file);
    else if (typ !== 'cp-trust+jwt') problems.push({ file: file.name, why: 'NOT_A_TOKEN' });
    else {
      const merge = await mergeFetchedTrust(state, { bundleJwt: file.text, listJwts: [] }, roots);
      if (merge.bundleRejection) problems.push({ file: file.name, why: 'BUNDLE_REJECTED', rejection: merge.bundleRejection });
      else if (merge.bundle === 'kept') problems.push({ file: file.name, why: 'NOT_NEWER' });
      else {
        state = merge.next ?? state;
        changed = true;
        loaded++;
      }
    }
  }
  if (!state) {
    for (const file of lists) problems.push({ file: file.name, why: 'NO_BUNDLE' });
    return { problems, loaded };
  }
  if (lists.length > 0) {
    const merge = await mergeFetchedTrust(state, { listJwts: lists.map((f) => f.text) }, roots);
    for (const { index, problem } of merge.ignored) problems.push({ file: lists[index]!.name, why: 'LIST_UNUSABLE', problem });
    loaded += lists.length - merge.ignored.length;
    if (merge.next) {
      state = merge.next;
      changed = true;
    }
  }
  return changed ? { state, problems, loaded } : { problems, loaded };
}
