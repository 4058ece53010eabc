// Browser logins: a random id in the cp_session cookie (stored here only as its SHA-256), a CSRF token the page sends
// back with every change, and an end after 30 minutes without a request, on the scheme's clock.

import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { toDate, type SchemeContext } from '../context.ts';
import { ACCOUNT_COLUMNS, type Account } from './account-store.ts';

export const SESSION_IDLE_SECONDS = 30 * 60;
/** last_seen is written at most this often, so reading the page is not a write per request. */
const TOUCH_EVERY_SECONDS = 30;

export type Session = { idHash: string; account: Account; csrfToken: string };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function startSession(ctx: SchemeContext, account: Account): Promise<{ cookieValue: string; csrfToken: string }> {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  await ctx.db.query('DELETE FROM account_sessions WHERE last_seen <= $1', [now - SESSION_IDLE_SECONDS]);
  await ctx.db.query('INSERT INTO account_sessions (id_hash, account_id, csrf_token, created_at, last_seen) VALUES ($1, $2, $3, $4, $5)', [
    sha256(cookieValue), account.id, csrfToken, toDate(now), now,
  ]);
  return { cookieValue, csrfToken };
}

/** The live session for a cookie, its idle time restarted; undefined when unknown, idle too long or disabled. */
export async function findSession(ctx: SchemeContext, cookieValue: string): Promise<Session | undefined> {
  const idHash = sha256(cookieValue);
  const [row] = await ctx.db.query<Account & { csrfToken: string; lastSeen: string | number }>(
    `SELECT ${ACCOUNT_COLUMNS}, s.csrf_token AS "csrfToken", s.last_seen AS "lastSeen"
       FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = $1`,
    [idHash],
  );
  if (!row) return undefined;
  const now = ctx.now();
  const lastSeen = Number(row.lastSeen);
  if (now - lastSeen >= SESSION_IDLE_SECONDS || row.disabled) {
    await endSession(ctx.db, idHash);
    return undefined;
  }
  if (now - lastSeen >= TOUCH_EVERY_SECONDS) await ctx.db.query('UPDATE account_sessions SET last_seen = $2 WHERE id_hash = $1', [idHash, now]);
  const { csrfToken, lastSeen: _seen, ...account } = row;
  return { idHash, account, csrfToken };
}

export async function endSession(q: Queryable, idHash: string): Promise<void> {
  await q.query('DELETE FROM account_sessions WHERE id_hash = $1', [idHash]);
}
