// What a verifier holds: one trust bundle and the usable status lists decoded against it.

import type { KeyCache } from './keys.ts';
import { decodeStatusList, StatusListSet, type StatusListProblem } from './status-list.ts';
import type { TrustBundle } from './trust-bundle.ts';

export type IgnoredStatusList = { index: number; problem: StatusListProblem };

export type TrustState = {
  bundle: TrustBundle;
  statusLists: StatusListSet;
  /** Lists that were not usable (spec section 4: ignored as if absent), by their position in the input. */
  ignored: IgnoredStatusList[];
};

/** Decodes every list once against the bundle. Call again when the bundle changes: a removed key drops its lists. */
export async function buildTrustState(
  bundle: TrustBundle,
  statusListJwts: readonly string[],
  keyCache?: KeyCache,
): Promise<TrustState> {
  const statusLists = new StatusListSet();
  const ignored: IgnoredStatusList[] = [];
  const decoded = await Promise.all(
    statusListJwts.map((jwt) => decodeStatusList(jwt, bundle, keyCache ? { keyCache } : {})),
  );
  decoded.forEach((result, index) => {
    if (result.ok) statusLists.add(result.list);
    else ignored.push({ index, problem: result.problem });
  });
  return { bundle, statusLists, ignored };
}
