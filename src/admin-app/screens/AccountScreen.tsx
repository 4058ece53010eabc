// "Your account": change your own password (at least 12 characters; your other logins end, this one stays).

import { useState } from 'preact/hooks';
import { changePassword, type PasswordChange } from '../account-actions.ts';
import { ApiError } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { ROLE_WORDS, session } from '../session.ts';

const EMPTY: PasswordChange = { current: '', password: '', repeat: '' };

export function AccountScreen() {
  const account = session.value?.account;
  const [form, setForm] = useState<PasswordChange>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordChange, string>>>({});
  const [notice, setNotice] = useState<NoticeState>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof PasswordChange) => (event: Event) => setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (form.current === '') found.current = 'Enter your current password.';
    if (form.password.length < 12) found.password = 'The new password needs at least 12 characters.';
    else if (form.repeat !== form.password) found.repeat = 'The new password and its repeat are not the same.';
    setErrors(found);
    if (Object.keys(found).length > 0) return setNotice({ kind: 'problem', text: 'Your password is not changed: see the fields marked below.' });
    setBusy(true);
    try {
      await changePassword(form);
      setForm(EMPTY);
      setNotice({ kind: 'done', text: 'Your password is changed. Your other logins have ended.' });
    } catch (error) {
      const field = error instanceof ApiError && (error.field === 'current' || error.field === 'password' || error.field === 'repeat') ? error.field : undefined;
      const text = error instanceof ApiError ? error.message : 'Changing the password did not work. Try again.';
      setErrors(field ? { [field]: text } : {});
      setNotice({ kind: 'problem', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Your account</h1>
      {account && (
        <p>
          You are <strong>{account.name}</strong>, {ROLE_WORDS[account.role]}
          {account.iss ? <> of <code>{account.iss}</code></> : account.partner ? <> of <code>{account.partner}</code></> : null}.
        </p>
      )}
      <h2>Change your password</h2>
      <Notice notice={notice} />
      <form class="stack" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="password-current" label="Current password" error={errors.current}>
          <input type="password" value={form.current} onInput={set('current')} autoComplete="current-password" maxLength={256} />
        </Field>
        <Field id="password-new" label="New password" hint="At least 12 characters. A few unrelated words make a good one." error={errors.password}>
          <input type="password" value={form.password} onInput={set('password')} autoComplete="new-password" maxLength={1024} />
        </Field>
        <Field id="password-repeat" label="New password again" error={errors.repeat}>
          <input type="password" value={form.repeat} onInput={set('repeat')} autoComplete="new-password" maxLength={1024} />
        </Field>
        <button class="primary" disabled={busy}>Change password</button>
      </form>
    </section>
  );
}
