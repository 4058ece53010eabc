// Logging in and out and changing one's own password, through the admin API. The session signal follows.

import { ApiError, getJson, sendJson } from './api.ts';
import { endSession, loggedOutBecause, readSession, session } from './session.ts';

/** At start: the session the browser's cookie still holds, if any. */
export async function loadSession(): Promise<void> {
  try {
    const found = readSession(await getJson<unknown>('/admin/api/account'));
    if (found) session.value = found;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
}

export async function logIn(name: string, password: string): Promise<void> {
  const started = readSession(await sendJson<unknown>('POST', '/admin/api/login', { name, password }));
  if (!started) throw new ApiError(502, 'bad-answer', 'The scheme service gave an answer this page cannot read. Reload the page and try again.');
  loggedOutBecause.value = undefined;
  session.value = started;
}

export async function logOut(): Promise<void> {
  try {
    await sendJson('POST', '/admin/api/logout');
  } catch (error) {
    // a session that had already ended is logged out all the same
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  endSession('logged-out');
}

export type PasswordChange = { current: string; password: string; repeat: string };

/** Other logins of the account end; this one stays. */
export async function changePassword(change: PasswordChange): Promise<void> {
  await sendJson('POST', '/admin/api/account/password', change);
}
