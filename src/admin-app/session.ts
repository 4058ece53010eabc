// Who is logged in on the admin page: the account and its session's CSRF token, or nobody. The API client sends the
// token with every change and ends the session here when the service answers 401.

import { signal } from '@preact/signals';

export type Role = 'coordinator' | 'issuer' | 'partner';

/** The account as the page uses it: issuer staff have `iss`, partner managers `partner`. */
export type AdminAccount = { name: string; role: Role; iss?: string; partner?: string };

/**
 * `demo`: the scheme is the demo (demo keys, not for real passports), and the page says so; `mail`: the service sends
 * email, so the issue form offers the phone copy's link by email.
 */
export type Session = { account: AdminAccount; csrf: string; demo?: boolean; mail?: boolean };

/** The logged-in session; undefined before login, after logout, and once the service says it has ended. */
export const session = signal<Session | undefined>(undefined);

/** Why the login screen shows: the session ended on its own (idle, or the account was disabled), or a logout. */
export const loggedOutBecause = signal<'ended' | 'logged-out' | undefined>(undefined);

export const ROLES: readonly Role[] = ['coordinator', 'issuer', 'partner'];

export const ROLE_WORDS: Record<Role, string> = { coordinator: 'scheme coordinator', issuer: 'issuer staff', partner: 'partner manager' };

/** Reads the service's `{ account, csrf }` (GET /admin/api/account, POST /admin/api/login); undefined when malformed. */
export function readSession(json: unknown): Session | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { account, csrf, demo, mail } = json as { account?: unknown; csrf?: unknown; demo?: unknown; mail?: unknown };
  if (typeof account !== 'object' || account === null || typeof csrf !== 'string' || csrf === '') return undefined;
  const { name, role, iss, partnerId } = account as { name?: unknown; role?: unknown; iss?: unknown; partnerId?: unknown };
  if (typeof name !== 'string' || !ROLES.includes(role as Role)) return undefined;
  return {
    account: {
      name,
      role: role as Role,
      ...(typeof iss === 'string' ? { iss } : {}),
      ...(typeof partnerId === 'string' ? { partner: partnerId } : {}),
    },
    csrf,
    ...(demo === true ? { demo: true } : {}),
    ...(mail === true ? { mail: true } : {}),
  };
}

/** The session has ended on the service's side: back to the login, saying so. */
export function endSession(because: 'ended' | 'logged-out'): void {
  session.value = undefined;
  loggedOutBecause.value = because;
}
