// The admin page's shell: the login until someone is logged in; then a header (who, log out), the navigation from
// the route table, and the screen the address's hash names (#/passports, ...). Moving between screens moves the focus
// to the new screen's heading, so a screen reader says where it is.

import { useEffect, useRef, useState } from 'preact/hooks';
import { logOut } from './account-actions.ts';
import { ApiError } from './api.ts';
import { hrefOf, routeFor, routesFor } from './routes.ts';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { ROLE_WORDS, session, type AdminAccount } from './session.ts';

export function App() {
  const current = session.value;
  return current ? <Shell account={current.account} demo={current.demo === true} /> : <LoginScreen />;
}

function Shell({ account, demo }: { account: AdminAccount; demo: boolean }) {
  const hash = useHash();
  const route = routeFor(hash, account.role);
  const { Screen } = route;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${route.label}: Carers Passport admin`;
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route.id]);

  const leave = async () => {
    try {
      await logOut();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Logging out did not work. Try again.');
    }
  };

  const of = account.iss ?? account.partner;
  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.querySelector<HTMLElement>('main h1')?.focus(); }}>
        Skip to the screen
      </a>
      <header class="admin-top">
        <p class="admin-top__brand">Carers Passport: scheme admin</p>
        {demo && <p class="admin-top__demo">Demo scheme: demo keys, not for real passports.</p>}
        <p class="admin-top__who">
          Logged in as <strong>{account.name}</strong>, {ROLE_WORDS[account.role]}
          {of ? <> of <code>{of}</code></> : null}
        </p>
        <button type="button" class="admin-top__logout" onClick={() => void leave()}>Log out</button>
        {problem && <p class="error" role="alert">{problem}</p>}
        <nav aria-label="Admin screens">
          <ul>
            {routesFor(account.role).map((item) => (
              <li key={item.id}>
                <a href={hrefOf(item.id)} aria-current={item.id === route.id ? 'page' : undefined}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <Screen key={route.id} />
      </main>
    </>
  );
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return hash;
}
