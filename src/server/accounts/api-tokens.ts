// API tokens for scripts: an id and a secret, shown once, stored as the secret's SHA-256 (the secret is 256 random
// bits, so a slow hash adds nothing). Sent as HTTP Basic (id:secret) or Bearer (id.secret); they act with their
// account's rights, and stop when revoked or when the account is disabled.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { toDate, type SchemeContext } from '../context.ts';
import { audit } from '../register/audit-log.ts';
import { ACCOUNT_COLUMNS, actorOf, type Account } from './account-store.ts';
import { sha256 } from './sessions.ts';

export const TOKEN_ID_PATTERN = /^cpt[a-z0-9]{8,40}$/;

export type NewToken = { id: string; secret: string; /** The Bearer form. */ token: string; label: string };
export type TokenRow = { id: string; label: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export async function createApiToken(ctx: SchemeContext, account: Account, label: string, actor: string): Promise<NewToken> {
  const id = `cpt${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await saveApiToken(tx, { accountId: account.id, id, secret, label, at: ctx.now() });
    await audit(tx, ctx.now(), { actor, action: 'token.create', detail: { account: account.name, token: id } });
  });
  return { id, secret, token: `${id}.${secret}`, label };
}

/** Stores a token whose secret the caller chose (createApiToken's random one; the test service's fixed one). */
export async function saveApiToken(q: Queryable, token: { accountId: number; id: string; secret: string; label: string; at: number }): Promise<void> {
  await q.query('INSERT INTO api_tokens (id, account_id, secret_hash, label, created_at) VALUES ($1, $2, $3, $4, $5)', [
    token.id, token.accountId, sha256(token.secret), token.label, toDate(token.at),
  ]);
}

export async function listApiTokens(q: Queryable, accountId: number): Promise<TokenRow[]> {
  const iso = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  return q.query<TokenRow>(
    `SELECT id, label, ${iso('created_at')} AS "createdAt", ${iso('last_used_at')} AS "lastUsedAt", ${iso('revoked_at')} AS "revokedAt"
       FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id`,
    [accountId],
  );
}

export async function revokeApiToken(ctx: SchemeContext, account: Account, id: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  // coordinators may revoke anyone's token (a leaked one, an account that left); others only their own
  const rows = await ctx.db.query<{ name: string }>(
    `UPDATE api_tokens t SET revoked_at = $3 FROM accounts a
      WHERE t.id = $1 AND a.id = t.account_id AND t.revoked_at IS NULL AND ($2::int IS NULL OR t.account_id = $2)
      RETURNING a.name`,
    [id, account.role === 'coordinator' ? null : account.id, toDate(ctx.now())],
  );
  if (rows.length === 0) return { ok: false, problem: `There is no token ${id} to revoke.` };
  await audit(ctx.db, ctx.now(), { actor: actorOf(account), action: 'token.revoke', detail: { account: rows[0]!.name, token: id } });
  return { ok: true };
}

/** The account a token acts for, or undefined (unknown, wrong secret, revoked, account disabled). */
export async function accountForToken(ctx: SchemeContext, id: string, secret: string): Promise<Account | undefined> {
  if (!TOKEN_ID_PATTERN.test(id)) return undefined;
  const [row] = await ctx.db.query<Account & { secretHash: string; lastUsed: Date | string | null }>(
    `SELECT ${ACCOUNT_COLUMNS}, t.secret_hash AS "secretHash", t.last_used_at AS "lastUsed"
       FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1 AND t.revoked_at IS NULL`,
    [id],
  );
  const given = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(row?.secretHash ?? '', 'hex');
  if (!row || expected.length !== given.length || !timingSafeEqual(given, expected) || row.disabled) return undefined;
  const now = ctx.now();
  // written at most once a minute: a script's burst of calls is not a burst of writes
  if (row.lastUsed === null || now - new Date(row.lastUsed).getTime() / 1000 >= 60) {
    await ctx.db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, toDate(now)]);
  }
  const { secretHash: _h, lastUsed: _l, ...account } = row;
  return account;
}
