// The admin page's screens: one table for the navigation and the hash routes (#/passports, ...). Each screen is a
// component without props in screens/; an account sees only the screens its role may use (the API refuses the rest).

import type { ComponentType } from 'preact';
import { AccountScreen } from './screens/AccountScreen.tsx';
import { AccountsScreen } from './screens/AccountsScreen.tsx';
import { AuditScreen } from './screens/AuditScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { KeysScreen } from './screens/KeysScreen.tsx';
import { PartnersScreen } from './screens/PartnersScreen.tsx';
import { PassportsScreen } from './screens/PassportsScreen.tsx';
import { RenewalsScreen } from './screens/RenewalsScreen.tsx';
import { ReportsScreen } from './screens/ReportsScreen.tsx';
import type { Role } from './session.ts';

export type RouteId = 'passports' | 'import' | 'renewals' | 'partners' | 'reports' | 'keys' | 'accounts' | 'audit' | 'account';

export type AdminRoute = { id: RouteId; label: string; roles: readonly Role[]; Screen: ComponentType };

const EVERYONE: readonly Role[] = ['coordinator', 'issuer', 'partner'];
const PASSPORT_STAFF: readonly Role[] = ['coordinator', 'issuer'];
const COORDINATOR: readonly Role[] = ['coordinator'];

export const ROUTES: readonly AdminRoute[] = [
  { id: 'passports', label: 'Passports', roles: PASSPORT_STAFF, Screen: PassportsScreen },
  { id: 'import', label: 'Import', roles: PASSPORT_STAFF, Screen: ImportScreen },
  { id: 'renewals', label: 'Renewals', roles: PASSPORT_STAFF, Screen: RenewalsScreen },
  { id: 'partners', label: 'Partners', roles: EVERYONE, Screen: PartnersScreen },
  { id: 'reports', label: 'Reports', roles: EVERYONE, Screen: ReportsScreen },
  { id: 'keys', label: 'Keys', roles: COORDINATOR, Screen: KeysScreen },
  { id: 'accounts', label: 'Accounts', roles: COORDINATOR, Screen: AccountsScreen },
  { id: 'audit', label: 'Audit', roles: EVERYONE, Screen: AuditScreen },
  { id: 'account', label: 'Your account', roles: EVERYONE, Screen: AccountScreen },
];

export function routesFor(role: Role): AdminRoute[] {
  return ROUTES.filter((route) => route.roles.includes(role));
}

/** The route a hash opens for this role: its own screen when allowed, else the role's first screen. */
export function routeFor(hash: string, role: Role): AdminRoute {
  const allowed = routesFor(role);
  const id = /^#\/([a-z-]+)/.exec(hash)?.[1];
  return allowed.find((route) => route.id === id) ?? allowed[0]!;
}

export function hrefOf(id: RouteId): string {
  return `#/${id}`;
}
