// The admin API takes an account's API token: benches make a coordinator and a token of their own (without the test
// support modules, which need vitest running).

import { addAccount } from '../../src/server/accounts/account-store.ts';
import { saveApiToken } from '../../src/server/accounts/api-tokens.ts';
import type { SchemeContext } from '../../src/server/context.ts';

const TOKEN = { id: 'cptbenchcoordinator', secret: 'bench-only-secret-never-used-by-a-real-scheme' };

/** Headers of a coordinator's API token, made now in the bench's own scheme. */
export async function benchAdminHeaders(ctx: SchemeContext): Promise<Record<string, string>> {
  const added = await addAccount(ctx, { name: 'bench-coordinator', role: 'coordinator', password: 'bench only, never a real password' }, 'bench');
  if (!added.ok) throw new Error(added.problem);
  await saveApiToken(ctx.db, { accountId: added.account.id, id: TOKEN.id, secret: TOKEN.secret, label: 'bench', at: ctx.now() });
  return { authorization: `Basic ${Buffer.from(`${TOKEN.id}:${TOKEN.secret}`).toString('base64')}`, 'content-type': 'application/json' };
}
