// The coordinator adds an account: a name, a role, and the issuer or partner it belongs to. The service makes its
// password and shows it once; the service's plain words about a refused field show under that field.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, sendJson } from '../api.ts';
import { ROLES, type Role } from '../session.ts';
import { wordsFor } from '../use-request.ts';
import { AccountsSecret } from './AccountsSecret.tsx';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';

/** The role as a title, for the list and the role picker. */
export const ROLE_TITLES: Record<Role, string> = { coordinator: 'Scheme coordinator', issuer: 'Issuer staff', partner: 'Partner manager' };
type Choice = { id: string; name: string };
type AddField = 'name' | 'role' | 'iss' | 'partnerId';
const ADD_FIELDS: readonly string[] = ['name', 'role', 'iss', 'partnerId'];

export function AccountsAdd({ onAdded }: { onAdded(): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('issuer');
  const [iss, setIss] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [issuers, setIssuers] = useState<Choice[]>([]);
  const [partners, setPartners] = useState<Choice[]>([]);
  const [problem, setProblem] = useState<{ field: AddField | 'form'; message: string } | undefined>(undefined);
  const [added, setAdded] = useState<{ name: string; password: string } | undefined>(undefined);

  useEffect(() => {
    void getJson<{ issuers: { iss: string; name: string }[] }>('/admin/api/issuers').then((a) => {
      setIssuers(a.issuers.map((i) => ({ id: i.iss, name: i.name })));
      setIss((now) => now || (a.issuers[0]?.iss ?? ''));
    });
    void getJson<{ partners: { id: string; name: string }[] }>('/admin/api/partners').then((a) => {
      setPartners(a.partners.map((p) => ({ id: p.id, name: p.name })));
      setPartnerId((now) => now || (a.partners[0]?.id ?? ''));
    });
  }, []);

  const message = (field: AddField) => (problem?.field === field ? problem.message : undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    setAdded(undefined);
    if (name.trim() === '') return setProblem({ field: 'name', message: 'Give the account a name, such as jo.smith.' });
    const body = { name: name.trim(), role, ...(role === 'issuer' ? { iss } : {}), ...(role === 'partner' ? { partnerId } : {}) };
    try {
      const answer = await sendJson<{ account: { name: string }; password: string }>('POST', '/admin/api/accounts', body);
      setAdded({ name: answer.account.name, password: answer.password });
      setName('');
      onAdded();
    } catch (error) {
      const field = error instanceof ApiError && error.field && ADD_FIELDS.includes(error.field) ? (error.field as AddField) : 'form';
      setProblem({ field, message: wordsFor(error) });
    }
  };

  return (
    <section aria-labelledby="add-account-heading" class="stack">
      <h2 id="add-account-heading">Add an account</h2>
      <form class="stack" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="account-name" label="Account name" hint="Letters, digits and . _ @ - such as jo.smith." error={message('name')}>
          <input autoComplete="off" maxLength={64} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field id="account-role" label="Role" error={message('role')}>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => <option value={r}>{ROLE_TITLES[r]}</option>)}
          </select>
        </Field>
        {role === 'issuer' && (
          <Field id="account-iss" label="Issuer they work for" error={message('iss')}>
            <select value={iss} onChange={(e) => setIss(e.currentTarget.value)}>
              {issuers.map((i) => <option value={i.id}>{i.name}</option>)}
            </select>
          </Field>
        )}
        {role === 'partner' && (
          <Field id="account-partner" label="Partner they manage" error={message('partnerId')}>
            <select value={partnerId} onChange={(e) => setPartnerId(e.currentTarget.value)}>
              {partners.map((p) => <option value={p.id}>{p.name}</option>)}
            </select>
          </Field>
        )}
        <Notice notice={problem?.field === 'form' ? { kind: 'problem', text: problem.message } : undefined} />
        <button class="primary">Add the account</button>
      </form>
      {added && (
        <AccountsSecret
          label={`Password of ${added.name}`}
          value={added.password}
          note="Shown only now: give it to its owner, who changes it after logging in."
        />
      )}
    </section>
  );
}
