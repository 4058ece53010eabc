// Starts the admin page: asks the service who is logged in (the session cookie), then renders the shell.

import { render } from 'preact';
import { loadSession } from './account-actions.ts';
import { App } from './App.tsx';
import './admin.css';

async function start(): Promise<void> {
  const root = document.getElementById('admin')!;
  try {
    await loadSession();
  } catch {
    // unreachable or a 5xx: the login screen shows, and logging in says what is wrong
  }
  render(<App />, root);
}

void start();
