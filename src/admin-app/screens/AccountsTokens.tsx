// API tokens for scripts: the list (never the secrets), a new one (its secret shown once), revoking one. For the
// coordinator's view of someone's account (/admin/api/accounts/:name/tokens) and for one's own (/admin/api/tokens).

import { useEffect, useState } from 'preact/hooks';
import { getJson, sendJson } from '../api.ts';
import { AccountsSecret } from './AccountsSecret.tsx';
import { Field } from '../components/Field.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { wordsFor } from '../use-request.ts';
import { localWhen } from './PartnersDevices.tsx';

type Token = { id: string; label: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
type NewToken = { id: string; token: string; label: string };

export function AccountsTokens({ path, owner }: { path: string; owner: string }) {
  const [tokens, setTokens] = useState<Token[] | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<NewToken | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<NoticeState>(undefined);
  const key = `tokens-${owner}`;
  const load = async () => setTokens((await getJson<{ tokens: Token[] }>(path)).tokens);
  useEffect(() => {
    load().catch((error: Error) => setProblem(error.message));
  }, [path]);

  const create = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    if (label.trim() === '') return setProblem('Say what the token is for, such as "nightly import".');
    try {
      setMade(await sendJson<NewToken>('POST', path, { label: label.trim() }));
      setLabel('');
      await load();
    } catch (error) {
      setProblem(wordsFor(error));
    }
  };
  const revoke = async (token: Token) => {
    try {
      await sendJson('POST', `/admin/api/tokens/${encodeURIComponent(token.id)}/revoke`);
      setStatus({ kind: 'done', text: `Revoked the token "${token.label}": scripts using it are refused from now on.` });
      await load();
    } catch (error) {
      setStatus({ kind: 'problem', text: wordsFor(error) });
    }
  };

  return (
    <section class="stack" aria-label={`API tokens of ${owner}`}>
      <h3>API tokens of {owner}</h3>
      {tokens && tokens.length === 0 && <p>No API tokens.</p>}
      {tokens && tokens.length > 0 && (
        <div class="table-scroll">
        <table>
          <caption class="visually-hidden">API tokens of {owner}</caption>
          <thead>
            <tr><th scope="col">For</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.label} <code>{t.id}</code></td>
                <td>{localWhen(t.createdAt)}</td>
                <td>{t.lastUsedAt ? localWhen(t.lastUsedAt) : 'never'}</td>
                <td>{t.revokedAt ? `Revoked ${localWhen(t.revokedAt)}` : <button type="button" onClick={() => revoke(t)} aria-label={`Revoke the token ${t.label}`}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <form class="stack" onSubmit={(event) => void create(event)} noValidate>
        <Field id={`${key}-label`} label="What a new token is for" hint='Such as "nightly import".' error={problem}>
          <input maxLength={80} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </Field>
        <button>Make a token</button>
      </form>
      {made && (
        <AccountsSecret
          label={`New token "${made.label}"`}
          value={made.token}
          note='Shown only now. A script sends it as "Authorization: Bearer" followed by the token.'
        />
      )}
      <Notice notice={status} />
    </section>
  );
}
