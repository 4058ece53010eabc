// The register's list for the admin page and API (issue 10): search, filters, sorting and pages over 100,000
// passports. Every order ends on (iss, jti), so a passport sits at exactly one place and pages neither repeat nor
// skip one; every order has an index in the same column order (migration 010), read forwards or backwards.

import type { Category } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';
import { toEntry, type PassportRow, type RegisterEntry } from './passport-rows.ts';

export const LIST_STATUSES = ['valid', 'revoked', 'suspended', 'expired', 'expiring'] as const;
export const LIST_SORTS = ['issued', 'expires', 'name', 'number'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** "expiring": ends within this many days of the scheme's clock. */
export const EXPIRING_DAYS = 30;
const DAY = 86_400;

export type PassportQuery = {
  /** The start of the number, the start of the name, or a whole word of the name. */
  search?: string;
  iss?: string;
  cat?: Category;
  status?: ListStatus;
  sort?: ListSort;
  /** Default: newest first for `issued`, ascending for the others. */
  dir?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
};

/** A listed passport: the register entry and when it was first issued (the default order). */
export type ListedPassport = RegisterEntry & { issuedAt: string };

/** `total` is exact when `totalExact`; otherwise at least COUNT_CAP passports match. */
export type PassportPage = { passports: ListedPassport[]; total: number; totalExact: boolean; offset: number; limit: number };

// Text sorts by its bytes (COLLATE "C"; names lower-cased): the same order on PGlite and on any PostgreSQL server.
const ISS = 'p.iss COLLATE "C"';
const JTI = 'p.jti COLLATE "C"';
const ORDER: Record<ListSort, string[]> = {
  issued: ['p.issued_at', ISS, JTI],
  expires: ['p.exp', ISS, JTI],
  name: ['lower(p.name) COLLATE "C"', ISS, JTI],
  number: [JTI, ISS],
};

const SELECT_LISTED = `SELECT p.iss, p.jti, p.category, p.name, p.nbf, p.exp, l.uri, p.status_idx, p.status, p.issued_at
  FROM passports p JOIN status_lists l ON l.id = p.status_list_id`;

/**
 * Beyond this many matches a list's total says "at least": counting every one of 100,000 passports costs more than
 * the page itself (a search's matches are always counted exactly: they are gathered for the page anyway).
 */
export const COUNT_CAP = 10_000;

/**
 * One page of the register and how many passports match (exact, or COUNT_CAP with `totalExact: false`). `now` is
 * the scheme's clock, for "expired" (ended, not revoked), "expiring" (ends within 30 days, not revoked) and "valid"
 * (the register says valid and it has not ended).
 */
export async function pagePassports(q: Queryable, now: number, query: PassportQuery = {}): Promise<PassportPage> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = Math.max(query.offset ?? 0, 0);
  const sort = query.sort ?? 'issued';
  const descending = (query.dir ?? (sort === 'issued' ? 'desc' : 'asc')) === 'desc';
  const order = ORDER[sort].map((column) => `${column} ${descending ? 'DESC' : 'ASC'}`).join(', ');
  const { where, params } = conditions(now, { ...query, search: '' });
  const search = query.search?.trim() ?? '';
  const page = (rows: (PassportRow & { issued_at: Date | string })[]) => rows.map((row) => ({ ...toEntry(row), issuedAt: new Date(row.issued_at).toISOString() }));
  const n = params.length;
  if (search !== '') {
    // the matches, with every column a filter or an order reads, from the three search indexes alone; then filtered,
    // counted and sorted, and only the page's rows read in full
    const rows = await q.query<PassportRow & { issued_at: Date | string; total: string | number }>(
      `WITH p AS MATERIALIZED (${searchKeys(n + 1)}),
       k AS (SELECT count(*) OVER () AS total, p.iss, p.jti FROM p ${where} ORDER BY ${order} LIMIT $${n + 4} OFFSET $${n + 5})
       ${SELECT_LISTED.replace('SELECT ', 'SELECT k.total, ')} JOIN k ON k.iss = p.iss AND k.jti = p.jti ORDER BY ${order}`,
      [...params, ...searchParams(search), limit, offset],
    );
    const total = rows[0] ? Number(rows[0].total) : offset === 0 ? 0 : await countSearch(q, where, params, search);
    return { passports: page(rows), total, totalExact: true, offset, limit };
  }
  // the page's keys from the order's index alone (it holds every column a filter reads), then those rows in full
  const [counted] = await q.query<{ n: string | number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM passports p ${where} LIMIT ${COUNT_CAP + 1}) c`, params);
  const total = Math.min(Number(counted?.n ?? 0), COUNT_CAP);
  const rows = await q.query<PassportRow & { issued_at: Date | string }>(
    `WITH k AS (SELECT p.iss, p.jti FROM passports p ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2})
     ${SELECT_LISTED} JOIN k ON k.iss = p.iss AND k.jti = p.jti ORDER BY ${order}`,
    [...params, limit, offset],
  );
  return { passports: page(rows), total, totalExact: Number(counted?.n ?? 0) <= COUNT_CAP, offset, limit };
}

/** Passports whose number starts with the search, whose name starts with it, or with a whole word equal to it. */
function searchKeys(first: number): string {
  const columns = 'iss, jti, name, issued_at, exp, status, category';
  return `SELECT ${columns} FROM passports WHERE jti LIKE $${first} || '%'
    UNION SELECT ${columns} FROM passports WHERE lower(name) LIKE $${first + 1} || '%'
    UNION SELECT ${columns} FROM passports WHERE name_words @> ARRAY[$${first + 2}]`;
}

function searchParams(search: string): string[] {
  const prefix = search.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [prefix.toUpperCase(), prefix.toLowerCase(), search.toLowerCase()];
}

/** A page past the end of a search's matches: how many there are. */
async function countSearch(q: Queryable, where: string, params: unknown[], search: string): Promise<number> {
  const [row] = await q.query<{ n: string | number }>(
    `WITH p AS MATERIALIZED (${searchKeys(params.length + 1)}) SELECT count(*) AS n FROM p ${where}`,
    [...params, ...searchParams(search)],
  );
  return Number(row?.n ?? 0);
}

/**
 * The newest passports, or those found by the start of their number, the start of the name, or a whole word of it
 * (each served by an index: migrations 005 and 007). `iss` limits the list to one issuer's passports.
 */
export async function listPassports(q: Queryable, options: { search?: string; limit?: number; iss?: string } = {}): Promise<RegisterEntry[]> {
  const { where, params } = conditions(0, options);
  const rows = await q.query<PassportRow>(`${SELECT_LISTED} ${where} ORDER BY ${ORDER.issued.map((c) => `${c} DESC`).join(', ')} LIMIT $${params.length + 1}`, [
    ...params,
    options.limit ?? DEFAULT_LIMIT,
  ]);
  return rows.map(toEntry);
}

function conditions(now: number, query: PassportQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const search = query.search?.trim() ?? '';
  if (search !== '') {
    const [number, name, word] = searchParams(search).map(param);
    clauses.push(`(p.jti LIKE ${number} || '%' OR lower(p.name) LIKE ${name} || '%' OR p.name_words @> ARRAY[${word}])`);
  }
  if (query.iss !== undefined) clauses.push(`p.iss = ${param(query.iss)}`);
  if (query.cat !== undefined) clauses.push(`p.category = ${param(query.cat)}`);
  switch (query.status) {
    case undefined:
      break;
    case 'valid':
      clauses.push(`p.status = 0 AND p.exp > ${param(now)}`);
      break;
    case 'revoked':
      clauses.push('p.status = 1');
      break;
    case 'suspended':
      clauses.push('p.status = 2');
      break;
    case 'expired':
      clauses.push(`p.exp <= ${param(now)} AND p.status <> 1`);
      break;
    case 'expiring':
      clauses.push(`p.exp > ${param(now)} AND p.exp <= ${param(now + EXPIRING_DAYS * DAY)} AND p.status <> 1`);
      break;
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
