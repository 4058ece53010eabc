// The accounts a scheme starts with, made once, when it has none: the demo's one account per role (passwords
// generated and kept in demo_logins so every start can print them), or a real scheme's first coordinator, named
// "coordinator", with the ADMIN_PASSWORD it ran with before accounts existed.

import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { addAccount, countAccounts, type NewAccount } from './account-store.ts';
import { generatePassword } from './passwords.ts';

export const FIRST_COORDINATOR = 'coordinator';
const DEMO_PARTNER = 'demo-shop';

export type DemoLogin = { name: string; role: string; of: string | null; password: string };

export async function prepareAccounts(ctx: SchemeContext, options: { seedDemo: boolean; firstCoordinatorPassword?: string | undefined }): Promise<void> {
  if ((await countAccounts(ctx.db)) > 0) return;
  if (options.seedDemo && ctx.keys.demo) return seedDemoAccounts(ctx);
  if (options.firstCoordinatorPassword === undefined) return;
  const added = await addAccount(ctx, { name: FIRST_COORDINATOR, role: 'coordinator', password: options.firstCoordinatorPassword }, 'startup:ADMIN_PASSWORD');
  if (!added.ok) throw new Error(`ADMIN_PASSWORD cannot be the first coordinator's password: ${added.problem}`);
}

async function seedDemoAccounts(ctx: SchemeContext): Promise<void> {
  const issuer = ctx.keys.issuers[0]!;
  const shop = (await ctx.db.query('SELECT 1 FROM partners WHERE id = $1', [DEMO_PARTNER])).length > 0;
  const accounts: Omit<NewAccount, 'password'>[] = [
    { name: 'coordinator', role: 'coordinator' },
    { name: 'issuer-staff', role: 'issuer', iss: issuer.iss },
    ...(shop ? [{ name: 'shop-manager', role: 'partner' as const, partnerId: DEMO_PARTNER }] : []),
  ];
  for (const account of accounts) {
    const password = generatePassword();
    const added = await addAccount(ctx, { ...account, password }, 'seed');
    if (!added.ok) throw new Error(`a demo account is broken: ${added.problem}`);
    await ctx.db.query('INSERT INTO demo_logins (account_id, password) VALUES ($1, $2)', [added.account.id, password]);
  }
}

/** The demo's accounts whose generated password is unchanged, for the start banner. */
export async function demoLogins(q: Queryable): Promise<DemoLogin[]> {
  return q.query<DemoLogin>(
    `SELECT a.name, a.role, coalesce(a.iss, a.partner_id) AS "of", d.password
       FROM demo_logins d JOIN accounts a ON a.id = d.account_id WHERE a.disabled_at IS NULL ORDER BY a.id`,
  );
}
