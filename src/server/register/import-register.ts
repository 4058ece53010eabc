// Imports an existing register from CSV (issue 10): rows are read by the core (src/core/register-import.ts); the
// good ones go in together, in one transaction: status indices taken in runs, the passports and their audit entries
// in one statement a chunk, each touched status list signed once. Idempotent by issuer and number.

import { createHash } from 'node:crypto';
import { readRegisterFile, type ImportPassport, type RefusalCode } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { signList } from '../publication/status-lists.ts';
import { allocateStatusRanges } from './allocate-range.ts';
import { audit } from './audit-log.ts';

/** `iss`: only this issuer's rows may go in (issuer staff); a row of another issuer is refused as unknown. */
export type ImportOptions = { actor: string; dryRun?: boolean; keepEmails?: boolean; iss?: string };

export type RowOutcome = { line: number; outcome: 'imported' | 'already-present' | 'refused'; iss?: string; jti?: string; code?: RefusalCode; reason?: string };

export type ImportSummary = {
  ok: true;
  dryRun: boolean;
  imported: number;
  alreadyPresent: number;
  refused: { line: number; code: RefusalCode; reason: string }[];
  /** The file had an email column, but the scheme keeps no emails. */
  emailsIgnored: boolean;
  rows: RowOutcome[];
};

const CHUNK = 20_000;
const VACUUM_AFTER = 1_000;

export async function importRegister(ctx: SchemeContext, csv: string, options: ImportOptions): Promise<ImportSummary | { ok: false; problem: string }> {
  const issuers = options.iss === undefined ? ctx.keys.issuers : ctx.keys.issuers.filter((i) => i.iss === options.iss);
  const file = readRegisterFile(csv, { issuers, keepEmails: options.keepEmails ?? false });
  if (!file.ok) return file;
  const refused = file.rows.flatMap((r) => (r.result === 'refused' ? [{ line: r.line, code: r.code, reason: r.reason }] : []));
  const good = numberRows(file.rows.flatMap((r) => (r.result === 'ok' ? [{ line: r.line, ...r.passport }] : [])));
  const dryRun = options.dryRun ?? false;
  const now = ctx.now();

  const result = await ctx.db.transaction(async (tx) => {
    const present = await presentKeys(tx, good);
    const fresh = good.filter((p) => !present.has(key(p))).sort(byKey);
    if (dryRun || fresh.length === 0) return { inserted: dryRun ? new Set(fresh.map(key)) : new Set<string>() };
    const inserted = new Set<string>();
    const touched = new Map<number, boolean>(); // list id -> created by this import (already signed)
    for (const iss of [...new Set(fresh.map((p) => p.iss))].sort()) {
      const mine = fresh.filter((p) => p.iss === iss);
      const ranges = await allocateStatusRanges(tx, ctx, iss, mine.length);
      const slots = ranges.flatMap((r) => Array.from({ length: r.to - r.from }, (_, k) => ({ listId: r.listId, idx: r.from + k })));
      for (const r of ranges) touched.set(r.listId, (touched.get(r.listId) ?? false) || r.created);
      for (let start = 0; start < mine.length; start += CHUNK) {
        const chunk = mine.slice(start, start + CHUNK);
        for (const k of await insertChunk(tx, ctx, chunk, slots.slice(start, start + CHUNK), now, options.actor)) inserted.add(k);
      }
    }
    for (const [listId, created] of [...touched].sort((a, b) => a[0] - b[0])) if (!created) await signList(tx, ctx, listId);
    await audit(tx, now, {
      actor: options.actor,
      action: 'register.import',
      detail: { imported: inserted.size, alreadyPresent: good.length - inserted.size, refused: refused.length },
    });
    return { inserted };
  });

  const rows: RowOutcome[] = file.rows.map((r) => (r.result === 'refused' ? { line: r.line, outcome: 'refused', code: r.code, reason: r.reason } : { line: r.line, outcome: 'already-present' }));
  const rowAt = new Map(file.rows.map((r, i) => [r.line, i]));
  for (const p of good) {
    const i = rowAt.get(p.line)!;
    rows[i] = { line: p.line, outcome: result.inserted.has(key(p)) ? 'imported' : 'already-present', iss: p.iss, jti: p.jti };
  }
  // a bulk change: fresh statistics for the planner, and the visibility map that lets the list read its indexes alone
  // (PGlite has no autovacuum; on PostgreSQL this only comes sooner)
  if (!dryRun && result.inserted.size >= VACUUM_AFTER) await ctx.db.exec('VACUUM (ANALYZE) passports');
  return { ok: true, dryRun, imported: result.inserted.size, alreadyPresent: good.length - result.inserted.size, refused, emailsIgnored: file.emailsIgnored, rows };
}

type Numbered = ImportPassport & { jti: string; line: number };

const key = (p: { iss: string; jti: string }) => `${p.iss}\n${p.jti}`;
const byKey = (a: Numbered, b: Numbered) => (a.iss < b.iss ? -1 : a.iss > b.iss ? 1 : a.jti < b.jti ? -1 : a.jti > b.jti ? 1 : 0);

/**
 * Rows without a number get one made from what the row says, so the same file imported twice gets the same numbers
 * and adds nothing the second time. Crockford's alphabet, as newPassportNumber.
 */
function numberRows(rows: (ImportPassport & { line: number })[]): Numbered[] {
  const taken = new Set(rows.flatMap((r) => (r.jti === undefined ? [] : [key({ iss: r.iss, jti: r.jti })])));
  return rows.map((row) => {
    if (row.jti !== undefined) return { ...row, jti: row.jti };
    const prefix = (row.iss.split('.').pop() ?? 'CP').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6) || 'CP';
    for (let salt = 0; ; salt++) {
      const digest = createHash('sha256').update(`${row.iss}\n${row.name}\n${row.cat}\n${row.nbf}\n${row.exp}\n${salt}`).digest();
      let suffix = '';
      for (let i = 0; i < 8; i++) suffix += ALPHABET[digest[i]! % 32];
      const jti = `${prefix}-${suffix}`;
      if (taken.has(key({ iss: row.iss, jti }))) continue; // a second carer with the same details in the file
      taken.add(key({ iss: row.iss, jti }));
      return { ...row, jti };
    }
  });
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function presentKeys(q: Queryable, rows: Numbered[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (let start = 0; start < rows.length; start += CHUNK * 5) {
    const chunk = rows.slice(start, start + CHUNK * 5);
    const found = await q.query<{ iss: string; jti: string }>(
      `SELECT p.iss, p.jti FROM passports p JOIN unnest($1::text[], $2::text[]) AS f(iss, jti) ON p.iss = f.iss AND p.jti = f.jti`,
      [chunk.map((r) => r.iss), chunk.map((r) => r.jti)],
    );
    for (const row of found) present.add(key(row));
  }
  return present;
}

/** One statement: the passports and an audit entry for each one that went in; returns the keys inserted. */
async function insertChunk(
  tx: Queryable,
  ctx: SchemeContext,
  rows: Numbered[],
  slots: { listId: number; idx: number }[],
  now: number,
  actor: string,
): Promise<string[]> {
  const inserted = await tx.query<{ iss: string; jti: string }>(
    `WITH ins AS (
       INSERT INTO passports (iss, jti, category, name, nbf, exp, status_list_id, status_idx, issued_at, updated_at)
       SELECT f.iss, f.jti, f.cat, f.name, f.nbf, f.exp, f.list_id, f.idx, to_timestamp(f.nbf), $11
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::int[], $8::int[])
           AS f(iss, jti, cat, name, nbf, exp, list_id, idx)
       ON CONFLICT (iss, jti) DO NOTHING
       RETURNING iss, jti, category, nbf, exp),
     logged AS (
       INSERT INTO audit_log (at, actor, action, iss, jti, detail)
       SELECT $11, $9, $10, iss, jti, jsonb_build_object('cat', category, 'nbf', nbf, 'exp', exp) FROM ins)
     SELECT iss, jti FROM ins`,
    [
      rows.map((r) => r.iss),
      rows.map((r) => r.jti),
      rows.map((r) => r.cat),
      rows.map((r) => (ctx.keepNames ? r.name : null)),
      rows.map((r) => r.nbf),
      rows.map((r) => r.exp),
      slots.map((s) => s.listId),
      slots.map((s) => s.idx),
      actor,
      'passport.import',
      toDate(now),
    ],
  );
  const went = new Set(inserted.map(key));
  const emails = rows.filter((r) => r.email !== undefined && went.has(key(r)));
  if (emails.length > 0) {
    await tx.query('UPDATE passports p SET email = f.email FROM unnest($1::text[], $2::text[], $3::text[]) AS f(iss, jti, email) WHERE p.iss = f.iss AND p.jti = f.jti', [
      emails.map((r) => r.iss), emails.map((r) => r.jti), emails.map((r) => r.email),
    ]);
  }
  return [...went];
}
