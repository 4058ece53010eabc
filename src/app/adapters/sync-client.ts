// The only code that fetches the scheme's data (issue 4): from the scheme service, and the trust data shipped beside
// the app (the same layout, spec section 7), so both sources get the same timeout and checks. Every answer is parsed
// into types here, at the edge: a broken network, a 500 or an answer of the wrong shape is a value, never a throw.
// Routes: src/server/devices/routes.ts (enrol, profile), src/server/redemptions/routes.ts, spec section 7.
// The device's own calls (enrol, profile, uploads: sync-device-calls.ts) are loaded when first made, after the first
// verdict; the trust data at start needs only this file (issues 12 and 13).

import { TRUST_FILES, WELL_KNOWN_PATH, type PartnerProfile, type RecordResult, type RedemptionRecord, type SharedRedemption, type StayEvent } from '../../core/index.ts';
import type { DeviceCalls } from './sync-device-calls.ts';

/** Why a call did not give an answer to act on. Each kind decides what the caller does next. */
export type SyncFailure =
  | { ok: false; kind: 'offline' } // fetch threw: no network, DNS, refused, CORS
  | { ok: false; kind: 'timeout' }
  | { ok: false; kind: 'unauthorised' } // 401: the device token is unknown or the device was removed
  | { ok: false; kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { ok: false; kind: 'server'; status: number; retryAfterSeconds?: number } // 5xx and other statuses worth retrying
  | { ok: false; kind: 'refused'; status: number; code: string; message: string } // 4xx with the service's own words
  | { ok: false; kind: 'malformed'; detail: string }; // an answer that is not what the API promises

export type Enrolled = { ok: true; deviceId: string; deviceToken: string; profile: PartnerProfile };
/**
 * The profile with the partner's recent records of limited offers (issue 11 point 1), and its ETag; or, when the
 * caller's ETag still matches, `notModified` (a bodiless 304: cheap enough to ask every minute).
 */
export type ProfileAnswer =
  | { ok: true; notModified?: false; deviceId: string; profile: PartnerProfile; recent?: SharedRedemption[]; stays?: StayEvent[]; etag?: string }
  | { ok: true; notModified: true };
export type TrustFetched = { ok: true; bundleJwt: string; listJwts: string[]; listsMissing: number };
export type UploadAnswer = { ok: true; results: RecordResult[] };

export type SyncClient = {
  enrol(serviceUrl: string, code: string, deviceName?: string): Promise<Enrolled | SyncFailure>;
  profile(serviceUrl: string, token: string, etag?: string): Promise<ProfileAnswer | SyncFailure>;
  /** The trust data the service publishes (spec section 7). */
  fetchTrust(serviceUrl: string): Promise<TrustFetched | SyncFailure>;
  /** The trust data shipped beside the app, in `demo/` under its base address (the same files, the same checks). */
  fetchShipped(appBase: string): Promise<TrustFetched | SyncFailure>;
  upload(serviceUrl: string, token: string, records: readonly RedemptionRecord[]): Promise<UploadAnswer | SyncFailure>;
  /** Issue 11 point 2: stay events, answered one by one like records. */
  uploadStays?(serviceUrl: string, token: string, events: readonly StayEvent[]): Promise<UploadAnswer | SyncFailure>;
  /**
   * Service time minus device time (ms), from the `Date` of the last answer; undefined when the last call got no
   * answer (offline) or the answer had no readable `Date`. Issue 11 point 4: a wrong device clock is noticed.
   */
  clockOffsetMs?(): number | undefined;
};

export type SyncClientOptions = { fetch?: typeof fetch; timeoutMs?: number; now?: () => number };

/** Where the app's shipped trust files are, under its base address (src/build/demo-data-plugin.ts writes them). */
export const SHIPPED_TRUST_FOLDER = 'demo/';

const MAX_TOKEN_CHARS = 4 * 1024 * 1024;

export function createSyncClient(options: SyncClientOptions = {}): SyncClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  let clockOffset: number | undefined;

  /** One request with its own timeout; the body is read inside the same timeout. */
  async function call(url: string, init: RequestInit = {}): Promise<{ ok: true; status: number; text: string; headers: Headers } | SyncFailure> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sentAt = now();
    try {
      // device calls are never cached; the public trust data sets cache: 'no-cache' (revalidated with its ETag)
      const response = await doFetch(url, { cache: 'no-store', ...init, signal: controller.signal });
      // only answers made for this call: a revalidated or service-worker copy may carry an old Date
      if ((init.cache ?? 'no-store') === 'no-store') clockOffset = offsetFrom(response.headers.get('date'), sentAt, now());
      const text = await response.text();
      return { ok: true, status: response.status, text, headers: response.headers };
    } catch {
      clockOffset = undefined;
      return controller.signal.aborted ? { ok: false, kind: 'timeout' } : { ok: false, kind: 'offline' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Statuses other than 2xx, as the failure the caller acts on. */
  function failure(status: number, text: string, headers: Headers): SyncFailure {
    if (status === 401) return { ok: false, kind: 'unauthorised' };
    const after = headers.get('retry-after') === null ? Number.NaN : Number(headers.get('retry-after'));
    const retryAfterSeconds = Number.isFinite(after) && after >= 0 ? after : undefined;
    if (status === 429) return { ok: false, kind: 'rate-limited', retryAfterSeconds };
    if (status >= 400 && status < 500 && status !== 408) {
      const body = parseJson(text) as { error?: unknown; message?: unknown } | undefined;
      return {
        ok: false,
        kind: 'refused',
        status,
        code: typeof body?.error === 'string' ? body.error : 'unknown',
        message: typeof body?.message === 'string' ? body.message.slice(0, 300) : '',
      };
    }
    // a 503 with Retry-After (starting, shutting down, overloaded) says when to come back
    return retryAfterSeconds === undefined ? { ok: false, kind: 'server', status } : { ok: false, kind: 'server', status, retryAfterSeconds };
  }

  async function getJson(url: string, init: RequestInit = {}): Promise<{ ok: true; value: unknown } | SyncFailure> {
    const answer = await call(url, init);
    if (!answer.ok) return answer;
    if (answer.status < 200 || answer.status > 299) return failure(answer.status, answer.text, answer.headers);
    const value = parseJson(answer.text);
    if (value === undefined) return { ok: false, kind: 'malformed', detail: 'the answer is not JSON' };
    return { ok: true, value };
  }

  async function getToken(url: string): Promise<{ ok: true; jwt: string } | SyncFailure> {
    const answer = await call(url, { cache: 'no-cache' });
    if (!answer.ok) return answer;
    if (answer.status < 200 || answer.status > 299) return failure(answer.status, answer.text, answer.headers);
    const jwt = answer.text.trim();
    if (jwt.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jwt)) {
      return { ok: false, kind: 'malformed', detail: 'the answer is not a signed token' };
    }
    return { ok: true, jwt };
  }

  /** A trust bundle, status-lists.json and each list from its href, all from one folder (spec section 7). */
  async function fetchTrustFolder(folder: string): Promise<TrustFetched | SyncFailure> {
    const indexUrl = `${folder}${TRUST_FILES.statusLists}`;
    const [bundle, index] = await Promise.all([getToken(`${folder}${TRUST_FILES.bundle}`), getJson(indexUrl, { cache: 'no-cache' })]);
    if (!bundle.ok) return bundle;
    if (!index.ok) return index;
    const lists = (index.value as { lists?: unknown } | null)?.lists;
    if (!Array.isArray(lists)) return { ok: false, kind: 'malformed', detail: 'status-lists.json has no lists' };
    const hrefs: string[] = [];
    for (const entry of lists as unknown[]) {
      const href = (entry as { href?: unknown } | null)?.href;
      if (typeof href !== 'string') return { ok: false, kind: 'malformed', detail: 'a list in status-lists.json has no href' };
      // spec section 7: href is relative to status-lists.json itself
      const url = resolveHref(href, indexUrl);
      if (!url) return { ok: false, kind: 'malformed', detail: 'a list href is not an address' };
      hrefs.push(url);
    }
    // one list that cannot be fetched now does not stop the others: the held copy of it stays
    const fetched = await Promise.all(hrefs.map((href) => getToken(href)));
    const listJwts = fetched.flatMap((f) => (f.ok ? [f.jwt] : []));
    return { ok: true, bundleJwt: bundle.jwt, listJwts, listsMissing: fetched.length - listJwts.length };
  }

  // one module, however many calls ask for it at once
  let loading: Promise<DeviceCalls> | undefined;
  const device = () => (loading ??= import('./sync-device-calls.ts').then((m) => m.deviceCalls({ call, getJson, failure })));

  return {
    clockOffsetMs: () => clockOffset,
    enrol: (...args) => device().then((d) => d.enrol(...args)),
    profile: (...args) => device().then((d) => d.profile(...args)),
    fetchTrust: (serviceUrl) => fetchTrustFolder(endpoint(serviceUrl, `${WELL_KNOWN_PATH}/`)),
    async fetchShipped(appBase) {
      const folder = resolveHref(SHIPPED_TRUST_FOLDER, appBase);
      return folder === undefined ? { ok: false, kind: 'malformed', detail: 'the app has no address' } : fetchTrustFolder(folder);
    },
    uploadStays: (...args) => device().then((d) => d.uploadStays(...args)),
    upload: (...args) => device().then((d) => d.upload(...args)),
  };
}

/** The service's Date (whole seconds, so +500 ms) against the middle of the round trip. */
function offsetFrom(date: string | null, sentAt: number, receivedAt: number): number | undefined {
  const at = date === null ? Number.NaN : Date.parse(date);
  if (!Number.isFinite(at)) return undefined;
  return at + 500 - (sentAt + receivedAt) / 2;
}

/** The service's address with a path from its root (`/v1/enrol`, `/.well-known/...`). */
export function endpoint(serviceUrl: string, path: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function resolveHref(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
