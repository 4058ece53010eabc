// Everything the card page sends: collect, refresh, and the offers directory. Nothing else leaves the phone (issue 9,
// point 5): no analytics, no other origin. Every answer becomes a typed value; only a bug throws.

import { readOffersDirectory, type OffersDirectory } from '../../core/offers-directory.ts';
import { readCardCopyProblem, readCollectAnswer, readRefreshAnswer, type CollectAnswer, type RefreshAnswer } from '../../core/card-copy.ts';

/** The service said no, in its own words (410 collected or expired, 404 unknown code, 429 too many tries). */
export type Refused = { ok: false; kind: 'refused'; status: number; error: string; message: string; retryAfterSeconds?: number };
/** The service could not be reached, or answered something we cannot read. */
export type Unreached = { ok: false; kind: 'offline' | 'malformed' };

export type CollectResult = { ok: true; answer: CollectAnswer } | Refused | Unreached;
export type RefreshResult = { ok: true; answer: RefreshAnswer } | Refused | Unreached;
export type DirectoryResult = { ok: true; directory: OffersDirectory; etag?: string } | { ok: true; unchanged: true } | Unreached;

export type CardClient = {
  collect(code: string): Promise<CollectResult>;
  refresh(refreshToken: string): Promise<RefreshResult>;
  fetchDirectory(etag?: string): Promise<DirectoryResult>;
};

export function createCardClient(options: { base?: string; timeoutMs?: number } = {}): CardClient {
  const base = options.base ?? location.origin;
  const timeoutMs = options.timeoutMs ?? 15_000;

  const send = async (path: string, init: RequestInit): Promise<Response | undefined> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      // no credentials and no referrer: the body is all the service learns
      return await fetch(new URL(path, base), { ...init, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal: abort.signal });
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  const post = async <T>(path: string, body: unknown, read: (json: unknown) => T | undefined): Promise<{ ok: true; answer: T } | Refused | Unreached> => {
    const res = await send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res) return { ok: false, kind: 'offline' };
    const json: unknown = await res.json().catch(() => undefined);
    if (res.ok) {
      const answer = read(json);
      return answer === undefined ? { ok: false, kind: 'malformed' } : { ok: true, answer };
    }
    // a proxy's 502 page is not the service speaking: treat it as not reached
    const problem = readCardCopyProblem(json);
    if (!problem) return { ok: false, kind: res.status >= 500 ? 'offline' : 'malformed' };
    const retry = Number(res.headers.get('retry-after'));
    return { ok: false, kind: 'refused', status: res.status, error: problem.error, message: problem.message, ...(retry > 0 ? { retryAfterSeconds: retry } : {}) };
  };

  return {
    collect: (code) => post('/v1/card/collect', { code }, readCollectAnswer),
    refresh: (refreshToken) => post('/v1/card/refresh', { refreshToken }, readRefreshAnswer),
    async fetchDirectory(etag) {
      const res = await send('/offers.json', { headers: etag ? { 'if-none-match': etag } : {} });
      if (!res) return { ok: false, kind: 'offline' };
      if (res.status === 304) return { ok: true, unchanged: true };
      if (!res.ok) return { ok: false, kind: 'offline' };
      const directory = readOffersDirectory(await res.json().catch(() => undefined));
      if (!directory) return { ok: false, kind: 'malformed' };
      const tag = res.headers.get('etag');
      return { ok: true, directory, ...(tag ? { etag: tag } : {}) };
    },
  };
}
