// The coordinator's list of accounts, each with its role and organisation, and what can be done to it: disable or
// enable, reset its password (the new one shown once), and its API tokens.

import { useState } from 'preact/hooks';
import { sendJson } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { wordsFor } from '../use-request.ts';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import type { Role } from '../session.ts';
import { ROLE_TITLES } from './AccountsAdd.tsx';
import { AccountsSecret } from './AccountsSecret.tsx';
import { AccountsTokens } from './AccountsTokens.tsx';

export type AccountRow = { name: string; role: Role; iss: string | null; partnerId: string | null; disabled: boolean; createdAt: string };

type Props = { accounts: AccountRow[]; self: string; onChanged(): void };

export function AccountsTable({ accounts, self, onChanged }: Props) {
  const [status, setStatus] = useState<NoticeState>(undefined);
  const [reset, setReset] = useState<{ name: string; password: string } | undefined>(undefined);
  const [tokensOf, setTokensOf] = useState<string | undefined>(undefined);

  const act = async (work: () => Promise<string>) => {
    setReset(undefined);
    try {
      setStatus({ kind: 'done', text: await work() });
      onChanged();
    } catch (error) {
      setStatus({ kind: 'problem', text: wordsFor(error) });
    }
  };
  const path = (name: string, action: string) => `/admin/api/accounts/${encodeURIComponent(name)}/${action}`;
  const toggle = (a: AccountRow) =>
    act(async () => {
      await sendJson('POST', path(a.name, a.disabled ? 'enable' : 'disable'));
      return a.disabled ? `${a.name} can log in again.` : `${a.name} is disabled: its sessions ended and its tokens stopped working.`;
    });
  const resetPassword = (a: AccountRow) =>
    act(async () => {
      const answer = await sendJson<{ password: string }>('POST', path(a.name, 'password'));
      setReset({ name: a.name, password: answer.password });
      return `${a.name} has a new password.`;
    });

  return (
    <section aria-labelledby="accounts-list-heading" class="stack">
      <h2 id="accounts-list-heading">Accounts</h2>
      <div class="table-scroll">
      <table>
        <caption class="visually-hidden">Accounts</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">For</th><th scope="col">State</th><th scope="col">Change</th></tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr data-account={a.name}>
              <td>{a.name}{a.name === self ? ' (you)' : ''}</td>
              <td>{ROLE_TITLES[a.role]}</td>
              <td>{a.iss ?? a.partnerId ?? 'the whole scheme'}</td>
              <td>{a.disabled ? 'Disabled' : 'Active'}</td>
              <td>
                <div class="actions">
                {a.name !== self && (
                  <>
                    <button type="button" onClick={() => toggle(a)} aria-label={`${a.disabled ? 'Enable' : 'Disable'} ${a.name}`}>{a.disabled ? 'Enable' : 'Disable'}</button>{' '}
                    <ConfirmAction
                      label="Reset password"
                      accessibleLabel={`Reset password of ${a.name}`}
                      question={`Give ${a.name} a new password? Their current one stops working and their logins end.`}
                      yes="Give a new password"
                      no="Keep the password"
                      onConfirm={() => resetPassword(a)}
                    />{' '}
                  </>
                )}
                <button type="button" aria-expanded={tokensOf === a.name} onClick={() => setTokensOf(tokensOf === a.name ? undefined : a.name)} aria-label={`API tokens of ${a.name}`}>
                  API tokens
                </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <Notice notice={status} />
      {reset && <AccountsSecret label={`New password of ${reset.name}`} value={reset.password} note="Shown only now: give it to its owner, who changes it after logging in." />}
      {tokensOf && <AccountsTokens key={tokensOf} path={path(tokensOf, 'tokens')} owner={tokensOf} />}
    </section>
  );
}
