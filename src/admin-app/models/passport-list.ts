// The Passports screen's list: search words, filters, sort and page (the API's paging, so 100,000 passports are never
// all in the browser), and the page of passports the service answered. The fetch comes in as an argument, so a test
// builds the model without a browser.

import { computed, createModel, signal } from '@preact/signals';
import type { Category } from '../../core/categories.ts';

export type PassportStatus = 'valid' | 'suspended' | 'revoked';

/** `issuedAt` (when it was first issued) comes with the list; an issued or renewed passport's answer may lack it. */
export type PassportRow = { iss: string; jti: string; cat: Category; name: string | null; nbf: number; exp: number; status: PassportStatus; issuedAt?: string };

export type SortKey = 'issued' | 'expires' | 'name' | 'number';
export type SortDirection = 'asc' | 'desc';

export type PassportQuery = { q: string; iss: string; cat: string; status: string; sort: SortKey; dir: SortDirection; offset: number };

/** `total` is exact when `totalExact`; otherwise at least that many match (the service stops counting at 10,000). */
export type PassportPage = { passports: PassportRow[]; total: number; totalExact: boolean; offset: number; limit: number };

export const PAGE_SIZE = 50;

/** Newest first, as the service's own default. */
export const FIRST_QUERY: PassportQuery = { q: '', iss: '', cat: '', status: '', sort: 'issued', dir: 'desc', offset: 0 };

/** Dates newest first when first sorted by; names and numbers A to Z. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = { issued: 'desc', expires: 'asc', name: 'asc', number: 'asc' };

/** GET /admin/api/passports with the query's non-empty parts. */
export function listPath(query: PassportQuery, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'iss', 'cat', 'status'] as const) if (query[key].trim() !== '') params.set(key, query[key].trim());
  params.set('sort', query.sort);
  params.set('dir', query.dir);
  params.set('offset', String(query.offset));
  params.set('limit', String(limit));
  return `/admin/api/passports?${params}`;
}

/** The service's page; a service without paging (one page, no total) is read as that one page. */
export function readPage(json: unknown, query: PassportQuery): PassportPage {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Partial<PassportPage>;
  const passports = Array.isArray(body.passports) ? body.passports : [];
  const offset = typeof body.offset === 'number' ? body.offset : query.offset;
  return {
    passports,
    total: typeof body.total === 'number' ? body.total : offset + passports.length,
    totalExact: body.totalExact !== false,
    offset,
    limit: typeof body.limit === 'number' ? body.limit : PAGE_SIZE,
  };
}

export type PassportListDeps = { fetchJson: (path: string) => Promise<unknown>; wordsFor: (error: unknown) => string };

export const PassportListModel = createModel((deps: PassportListDeps) => {
  const query = signal<PassportQuery>(FIRST_QUERY);
  const page = signal<PassportPage | undefined>(undefined);
  const loading = signal(false);
  const problem = signal<string | undefined>(undefined);
  let asked = 0;

  /** "Passports 101 to 150 of 1,234", or "of more than 10,000" past the service's count. */
  const range = computed(() => {
    const shown = page.value;
    if (!shown) return '';
    if (shown.total === 0) return 'No passports match.';
    const first = shown.offset + 1;
    const last = shown.offset + shown.passports.length;
    const of = shown.totalExact ? shown.total.toLocaleString('en-GB') : `more than ${shown.total.toLocaleString('en-GB')}`;
    return `Passports ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')} of ${of}`;
  });
  const hasPrevious = computed(() => (page.value?.offset ?? 0) > 0);
  const hasNext = computed(() => {
    const shown = page.value;
    if (shown === undefined) return false;
    // past an inexact count, a full page means there may be more
    return shown.offset + shown.passports.length < shown.total || (!shown.totalExact && shown.passports.length === shown.limit);
  });

  const load = async () => {
    const ticket = ++asked;
    const wanted = query.value;
    loading.value = true;
    try {
      const answer = readPage(await deps.fetchJson(listPath(wanted)), wanted);
      if (ticket !== asked) return; // a newer search went out meanwhile: its answer is the one to show
      page.value = answer;
      problem.value = undefined;
    } catch (error) {
      if (ticket === asked) problem.value = deps.wordsFor(error);
    } finally {
      if (ticket === asked) loading.value = false;
    }
  };

  return {
    query,
    page,
    loading,
    problem,
    range,
    hasPrevious,
    hasNext,
    load,
    /** New words or filters start again at the first page. */
    search(change: Partial<Omit<PassportQuery, 'offset'>>) {
      query.value = { ...query.value, ...change, offset: 0 };
      return load();
    },
    sortBy(key: SortKey) {
      const current = query.value;
      const dir = current.sort === key ? (current.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key];
      query.value = { ...current, sort: key, dir, offset: 0 };
      return load();
    },
    next() {
      const shown = page.value;
      if (!shown || !hasNext.value) return Promise.resolve();
      query.value = { ...query.value, offset: shown.offset + shown.limit };
      return load();
    },
    previous() {
      const shown = page.value;
      if (!shown || !hasPrevious.value) return Promise.resolve();
      query.value = { ...query.value, offset: Math.max(0, shown.offset - shown.limit) };
      return load();
    },
  };
});
export type PassportListModel = InstanceType<typeof PassportListModel>;
