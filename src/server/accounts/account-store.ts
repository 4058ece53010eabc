// The accounts table: who may use the admin page and API, with which role. The only file that writes accounts.

import type { Queryable } from '../db/database.ts';
import { toDate, type SchemeContext } from '../context.ts';
import { audit } from '../register/audit-log.ts';
import { hashPassword, passwordProblem, UNMATCHABLE_HASH, verifyPassword } from './passwords.ts';

export const ROLES = ['coordinator', 'issuer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** An account as the gate and the rights see it. `iss` is set for issuer staff, `partnerId` for partner managers. */
export type Account = { id: number; name: string; role: Role; iss: string | null; partnerId: string | null; disabled: boolean };

export type NewAccount = { name: string; role: Role; iss?: string; partnerId?: string; password: string };

export const ACCOUNT_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

export const ACCOUNT_COLUMNS = `a.id, a.name, a.role, a.iss, a.partner_id AS "partnerId", a.disabled_at IS NOT NULL AS disabled`;

/** The name the audit log gives an account's changes. */
export function actorOf(account: Pick<Account, 'name'>): string {
  return `account:${account.name}`;
}

export async function countAccounts(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  return row?.n ?? 0;
}

export async function findAccount(q: Queryable, name: string): Promise<Account | undefined> {
  const [row] = await q.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE lower(a.name) = lower($1)`, [name]);
  return row;
}

export async function listAccounts(q: Queryable): Promise<(Account & { createdAt: string })[]> {
  return q.query(
    `SELECT ${ACCOUNT_COLUMNS}, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
       FROM accounts a ORDER BY lower(a.name)`,
  );
}

/** Checks the role's organisation, the name and the password, then adds the account; refusals are words. */
export async function addAccount(ctx: SchemeContext, request: NewAccount, actor: string): Promise<{ ok: true; account: Account } | { ok: false; problem: string }> {
  const { name, role } = request;
  if (!new RegExp(ACCOUNT_NAME_PATTERN).test(name)) return { ok: false, problem: 'An account name is 1 to 64 letters, digits and . _ @ - (starting with a letter or digit).' };
  if (!(ROLES as readonly string[]).includes(role)) return { ok: false, problem: `The role must be one of ${ROLES.join(', ')}.` };
  if ((role === 'issuer') !== (request.iss !== undefined)) return { ok: false, problem: role === 'issuer' ? 'Issuer staff need --issuer (the issuer they work for).' : 'Only issuer staff have an issuer.' };
  if ((role === 'partner') !== (request.partnerId !== undefined)) return { ok: false, problem: role === 'partner' ? 'A partner manager needs --partner (the partner id).' : 'Only partner managers have a partner.' };
  if (request.iss !== undefined && !ctx.keys.issuers.some((i) => i.iss === request.iss)) {
    return { ok: false, problem: `There is no issuer ${request.iss} (issuers: ${ctx.keys.issuers.map((i) => i.iss).join(', ')}).` };
  }
  if (request.partnerId !== undefined && (await ctx.db.query('SELECT 1 FROM partners WHERE id = $1', [request.partnerId])).length === 0) {
    return { ok: false, problem: `There is no partner ${request.partnerId}: save the partner first.` };
  }
  const weak = passwordProblem(request.password);
  if (weak) return { ok: false, problem: weak };
  if (await findAccount(ctx.db, name)) return { ok: false, problem: `There is already an account named ${name}.` };
  const hash = await hashPassword(request.password);
  const account = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<Account>(
      `INSERT INTO accounts AS a (name, role, iss, partner_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${ACCOUNT_COLUMNS}`,
      [name, role, request.iss ?? null, request.partnerId ?? null, hash, toDate(ctx.now())],
    );
    await audit(tx, ctx.now(), { actor, action: 'account.add', ...(request.iss ? { iss: request.iss } : {}), ...(request.partnerId ? { partnerId: request.partnerId } : {}), detail: { account: name, role } });
    return row!;
  });
  return { ok: true, account };
}

/** A disabled account's sessions end at once; its tokens stop working (they are checked against the account). */
export async function disableAccount(ctx: SchemeContext, name: string, actor: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  const account = await findAccount(ctx.db, name);
  if (!account) return { ok: false, problem: `There is no account named ${name}.` };
  if (account.disabled) return { ok: false, problem: `The account ${account.name} is already disabled.` };
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET disabled_at = $2 WHERE id = $1', [account.id, toDate(ctx.now())]);
    await tx.query('DELETE FROM account_sessions WHERE account_id = $1', [account.id]);
    await audit(tx, ctx.now(), { actor, action: 'account.disable', detail: { account: account.name } });
  });
  return { ok: true };
}

/** Lets a disabled account in again (its old sessions stay ended; its tokens work again unless revoked). */
export async function enableAccount(ctx: SchemeContext, name: string, actor: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  const account = await findAccount(ctx.db, name);
  if (!account) return { ok: false, problem: `There is no account named ${name}.` };
  if (!account.disabled) return { ok: false, problem: `The account ${account.name} is not disabled.` };
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET disabled_at = NULL WHERE id = $1', [account.id]);
    await audit(tx, ctx.now(), { actor, action: 'account.enable', detail: { account: account.name } });
  });
  return { ok: true };
}

/** A coordinator's reset: a new password for someone who forgot theirs; every session of the account ends. */
export async function resetPassword(ctx: SchemeContext, name: string, password: string, actor: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  const account = await findAccount(ctx.db, name);
  if (!account) return { ok: false, problem: `There is no account named ${name}.` };
  const weak = passwordProblem(password);
  if (weak) return { ok: false, problem: weak };
  const hash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [account.id, hash]);
    await tx.query('DELETE FROM account_sessions WHERE account_id = $1', [account.id]);
    await tx.query('DELETE FROM demo_logins WHERE account_id = $1', [account.id]);
    await audit(tx, ctx.now(), { actor, action: 'account.password-reset', detail: { account: account.name } });
  });
  return { ok: true };
}

/** The account for this name and password, or undefined; as slow for an unknown name as for a wrong password. */
export async function checkPassword(q: Queryable, name: string, password: string): Promise<Account | undefined> {
  const [row] = await q.query<Account & { hash: string }>(`SELECT ${ACCOUNT_COLUMNS}, a.password_hash AS hash FROM accounts a WHERE lower(a.name) = lower($1)`, [name]);
  const right = await verifyPassword(password, row?.hash ?? UNMATCHABLE_HASH);
  if (!row || !right || row.disabled) return undefined;
  const { hash: _hash, ...account } = row;
  return account;
}

/** Sets a new password; the account's other sessions end (a stolen session does not outlive the change). */
export async function setPassword(ctx: SchemeContext, account: Account, password: string, options: { keepSession?: string } = {}): Promise<void> {
  const hash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [account.id, hash]);
    await tx.query('DELETE FROM account_sessions WHERE account_id = $1 AND id_hash <> $2', [account.id, options.keepSession ?? '']);
    await tx.query('DELETE FROM demo_logins WHERE account_id = $1', [account.id]);
    await audit(tx, ctx.now(), { actor: actorOf(account), action: 'account.password', detail: { account: account.name } });
  });
}
