// Accounts for the admin UI's E2E tests, added straight to the served scheme's register with one password.

import { addAccount, type NewAccount } from '../../../src/server/accounts/account-store.ts';
import type { ServedApp } from './served-app.ts';

export async function addAccounts(served: ServedApp, password: string, accounts: readonly Omit<NewAccount, 'password'>[]): Promise<void> {
  for (const account of accounts) {
    const added = await addAccount(served.service.ctx, { ...account, password }, 'test');
    if (!added.ok) throw new Error(added.problem);
  }
}
