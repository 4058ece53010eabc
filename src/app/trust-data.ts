// Trust data for the app: the demo files shipped beside it (spec section 7 layout), the copy held in IndexedDB and
// files staff choose in Settings. Every bundle is verified against the pinned roots by the core; a rejected bundle
// never replaces the held one (spec section 3).

import {
  buildTrustState,
  decodeStatusList,
  loadTrustBundle,
  readTyp,
  replacesHeldBundle,
  type PinnedRoot,
  type TrustState,
} from '../core/index.ts';
import { M } from './messages.ts';

export type TrustTokens = { bundleJwt: string; listJwts: string[] };

/** Fetches `demo/trust-bundle.jwt`, `demo/status-lists.json` and each list from its `href` (relative to that file). */
export async function fetchShippedTrust(base: string, fetchFn: typeof fetch = fetch): Promise<TrustTokens | undefined> {
  try {
    const bundleUrl = new URL('demo/trust-bundle.jwt', base);
    const indexUrl = new URL('demo/status-lists.json', base);
    const [bundleResponse, indexResponse] = await Promise.all([fetchFn(bundleUrl), fetchFn(indexUrl)]);
    if (!bundleResponse.ok || !indexResponse.ok) return undefined;
    const bundleJwt = (await bundleResponse.text()).trim();
    const index = (await indexResponse.json()) as { lists?: { uri?: unknown; href?: unknown }[] };
    const hrefs = (index.lists ?? []).map((l) => l.href).filter((h): h is string => typeof h === 'string');
    const listJwts = await Promise.all(
      hrefs.map(async (href) => {
        const response = await fetchFn(new URL(href, indexUrl));
        return response.ok ? (await response.text()).trim() : '';
      }),
    );
    return { bundleJwt, listJwts: listJwts.filter((j) => j !== '') };
  } catch {
    return undefined; // offline with nothing cached: the held copy stands
  }
}

export type Adopted = { ok: true; state: TrustState } | { ok: false; detail: string };

/** Verifies the bundle against the roots and decodes every list against it: the TrustState, built once. */
export async function adoptTrust(tokens: TrustTokens, roots: readonly PinnedRoot[], heldSeq?: number): Promise<Adopted> {
  const loaded = await loadTrustBundle(tokens.bundleJwt, heldSeq === undefined ? { roots } : { roots, heldSeq });
  if (!loaded.ok) return { ok: false, detail: loaded.detail };
  return { ok: true, state: await buildTrustState(loaded.bundle, tokens.listJwts) };
}

export type TrustFile = { name: string; text: string };
export type FilesOutcome = { state?: TrustState; messages: string[]; loaded: number };

/** Loads files staff chose: a bundle (replaces the held one only if it verifies and is not a rollback) and lists. */
export async function loadTrustFiles(
  files: readonly TrustFile[],
  held: TrustState | undefined,
  roots: readonly PinnedRoot[],
): Promise<FilesOutcome> {
  const messages: string[] = [];
  let bundle = held?.bundle;
  const listJwts = held ? held.statusLists.all().map((l) => l.jwt) : [];
  let loaded = 0;
  const lists: TrustFile[] = [];
  for (const file of files) {
    const typ = readTyp(file.text);
    if (typ === 'cp-trust+jwt') {
      const result = await loadTrustBundle(file.text, bundle ? { roots, heldSeq: bundle.seq } : { roots });
      if (!result.ok) messages.push(M.trustFileRejected(file.name, M.bundleRejected[result.reason]));
      else if (!replacesHeldBundle(result.bundle, bundle)) messages.push(M.trustFileRejected(file.name, M.trustBundleNotNewer));
      else {
        bundle = result.bundle;
        loaded++;
      }
    } else if (typ === 'statuslist+jwt') lists.push(file);
    else messages.push(M.trustFileRejected(file.name, M.trustNotAToken));
  }
  if (!bundle) {
    for (const file of lists) messages.push(M.trustFileRejected(file.name, M.trustNone));
    return { messages, loaded };
  }
  for (const file of lists) {
    const decoded = await decodeStatusList(file.text, bundle);
    if (!decoded.ok) messages.push(M.trustFileRejected(file.name, M.trustListUnusable(M.listProblem[decoded.problem])));
    else {
      listJwts.push(decoded.list.jwt);
      loaded++;
    }
  }
  if (loaded === 0) return { messages, loaded };
  return { state: await buildTrustState(bundle, listJwts), messages, loaded };
}
