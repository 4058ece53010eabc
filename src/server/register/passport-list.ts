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

export type PassportPage = { passports: ListedPassport[]; total: number; offset: number; limit: number };

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
 * One page of the register and how many passports match in all. `now` is the scheme's clock, for "expired" (ended,
 * not revoked), "expiring" (ends within 30 days, not revoked) and "valid" (the register says valid and it has not ended).
 */
export async function pagePassports(q: Queryable, now: number, query: PassportQuery = {}): Promise<PassportPage> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const offset = Math.max(query.offset ?? 0, 0);
  const { where, params } = conditions(now, query);
  const [counted] = await q.query<{ n: string | number }>(`SELECT count(*) AS n FROM passports p ${where}`, params);
  const total = Number(counted?.n ?? 0);
  if (offset >= total) return { passports: [], total, offset, limit };
  const sort = query.sort ?? 'issued';
  const descending = (query.dir ?? (sort === 'issued' ? 'desc' : 'asc')) === 'desc';
  // a deep page is read from the other end: OFFSET walks the index, and from there it walks less of it
  const take = Math.min(limit, total - offset);
  const fromEnd = total - offset - take;
  const reversed = fromEnd < offset;
  const direction = descending !== reversed ? 'DESC' : 'ASC';
  const order = ORDER[sort].map((column) => `${column} ${direction}`).join(', ');
  const rows = await q.query<PassportRow & { issued_at: Date | string }>(
    `${SELECT_LISTED} ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, take, reversed ? fromEnd : offset],
  );
  if (reversed) rows.reverse();
  return { passports: rows.map((row) => ({ ...toEntry(row), issuedAt: new Date(row.issued_at).toISOString() })), total, offset, limit };
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
    const prefix = search.replace(/[\\%_]/g, (c) => `\\${c}`);
    clauses.push(`(p.jti LIKE ${param(prefix.toUpperCase())} || '%' OR lower(p.name) LIKE ${param(prefix.toLowerCase())} || '%' OR p.name_words @> ARRAY[${param(search.toLowerCase())}])`);
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
