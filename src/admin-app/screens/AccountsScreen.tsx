// #/accounts (the coordinator's): list, add, disable and enable accounts, reset passwords, anyone's API tokens and
// one's own. Changing one's own password is "Your account" (AccountScreen).

import './partners-reports-accounts.css';
import { getJson } from '../api.ts';
import { Loaded } from '../components/Loaded.tsx';
import { session } from '../session.ts';
import { useRequest } from '../use-request.ts';
import { AccountsAdd } from './AccountsAdd.tsx';
import { AccountsTable, type AccountRow } from './AccountsTable.tsx';
import { AccountsTokens } from './AccountsTokens.tsx';

export function AccountsScreen() {
  const self = session.value?.account.name ?? '';
  const accounts = useRequest(() => getJson<{ accounts: AccountRow[] }>('/admin/api/accounts'), []);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Accounts</h1>
      <p>Everyone who uses this page or the admin API has an account with one role. A disabled account's logins end and its API tokens stop working.</p>
      <Loaded request={accounts}>{(data) => <AccountsTable accounts={data.accounts} self={self} onChanged={accounts.reload} />}</Loaded>
      <AccountsAdd onAdded={accounts.reload} />
      <AccountsTokens path="/admin/api/tokens" owner={`${self} (you)`} />
    </section>
  );
}
