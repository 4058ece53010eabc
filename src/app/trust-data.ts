// Trust files staff choose in Settings: each bundle and list is merged into the held state by the core's one merge
// (a rejected bundle never replaces the held one, spec section 3), and each file that is not used says why.
// The shipped files and the scheme service are fetched by the sync client (adapters/sync-client.ts).

import { mergeFetchedTrust, readTyp, type PinnedRoot, type TrustState } from '../core/index.ts';
import { M } from './messages.ts';

export type TrustTokens = { bundleJwt: string; listJwts: readonly string[] };

export type TrustFile = { name: string; text: string };
export type FilesOutcome = { state?: TrustState; messages: string[]; loaded: number };

/** Loads files staff chose: a bundle (replaces the held one only if it verifies and is not a rollback) and lists. */
export async function loadTrustFiles(files: readonly TrustFile[], held: TrustState | undefined, roots: readonly PinnedRoot[]): Promise<FilesOutcome> {
  const messages: string[] = [];
  const lists: TrustFile[] = [];
  let state = held;
  let changed = false;
  let loaded = 0;
  // bundles first, in the order chosen; then every list against the bundle that is held at the end
  for (const file of files) {
    const typ = readTyp(file.text);
    if (typ === 'statuslist+jwt') lists.push(file);
    else if (typ !== 'cp-trust+jwt') messages.push(M.trustFileRejected(file.name, M.trustNotAToken));
    else {
      const merge = await mergeFetchedTrust(state, { bundleJwt: file.text, listJwts: [] }, roots);
      if (merge.bundleRejection) messages.push(M.trustFileRejected(file.name, M.bundleRejected[merge.bundleRejection]));
      else if (merge.bundle === 'kept') messages.push(M.trustFileRejected(file.name, M.trustBundleNotNewer));
      else {
        state = merge.next ?? state;
        changed = true;
        loaded++;
      }
    }
  }
  if (!state) {
    for (const file of lists) messages.push(M.trustFileRejected(file.name, M.trustNone));
    return { messages, loaded };
  }
  if (lists.length > 0) {
    const merge = await mergeFetchedTrust(state, { listJwts: lists.map((f) => f.text) }, roots);
    for (const { index, problem } of merge.ignored) messages.push(M.trustFileRejected(lists[index]!.name, M.trustListUnusable(M.listProblem[problem])));
    loaded += lists.length - merge.ignored.length;
    if (merge.next) {
      state = merge.next;
      changed = true;
    }
  }
  return changed ? { state, messages, loaded } : { messages, loaded };
}
