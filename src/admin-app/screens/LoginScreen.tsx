// The admin page's login: account name and password, sent as JSON; the service sets the session cookie. Says why
// it shows when a session ended on its own or after logging out.

import { useEffect, useRef, useState } from 'preact/hooks';
import { logIn } from '../account-actions.ts';
import { ApiError } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { loggedOutBecause } from '../session.ts';

const WHY = {
  ended: 'Your session ended (after 30 minutes without using the page, or because you logged out elsewhere). Log in again.',
  'logged-out': 'You have logged out.',
} as const;

export function LoginScreen() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ text: string; field?: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const problemBox = useRef<HTMLDivElement>(null);
  const because = loggedOutBecause.value;

  useEffect(() => {
    document.title = `${problem ? 'Error: ' : ''}Log in: Carers Passport admin`;
    if (problem) problemBox.current?.focus();
  }, [problem]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === '' || password === '') {
      setProblem({ text: 'Enter your account name and your password.', field: name.trim() === '' ? 'name' : 'password' });
      return;
    }
    setBusy(true);
    try {
      await logIn(name.trim(), password);
    } catch (error) {
      setPassword('');
      setProblem(error instanceof ApiError ? { text: error.message, ...(error.field ? { field: error.field } : {}) } : { text: 'Logging in did not work. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header class="admin-top">
        <p class="admin-top__brand">Carers Passport: scheme admin</p>
      </header>
      <main id="main" class="login">
        <h1>Log in</h1>
        {problem ? (
          <div class="notice notice--problem" role="alert" tabIndex={-1} ref={problemBox}>
            <h2>You are not logged in</h2>
            <p>{problem.text}</p>
          </div>
        ) : because ? (
          <p class="notice notice--done" role="status">{WHY[because]}</p>
        ) : null}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field id="login-name" label="Account name" error={problem?.field === 'name' ? problem.text : undefined}>
            <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={64} autoComplete="username" autoCapitalize="none" spellcheck={false} required />
          </Field>
          <Field id="login-password" label="Password" error={problem?.field === 'password' ? problem.text : undefined}>
            <input name="password" type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} maxLength={256} autoComplete="current-password" required />
          </Field>
          <button class="primary" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
        </form>
        <p>You will be logged out after 30 minutes without using the page. Forgotten your password? Ask the scheme coordinator.</p>
      </main>
    </>
  );
}
