// A passport's state in words and an icon (the staff app's ResultIcon), never by colour alone. A passport the
// register calls valid whose dates have ended says "Expired", so "valid" is never misread.

import { ResultIcon } from '../../app/components/ResultIcon.tsx';
import type { PassportStatus as Status } from '../models/passport-list.ts';

export type ShownStatus = Status | 'expired' | 'not-yet';

export function shownStatus(passport: { status: Status; nbf: number; exp: number }, nowSeconds: number): ShownStatus {
  if (passport.status !== 'valid') return passport.status;
  if (nowSeconds >= passport.exp) return 'expired';
  if (nowSeconds < passport.nbf) return 'not-yet';
  return 'valid';
}

const WORDS: Record<ShownStatus, string> = { valid: 'Valid', suspended: 'Suspended', revoked: 'Cancelled', expired: 'Expired', 'not-yet': 'Not valid yet' };
const ICON = { valid: 'valid', suspended: 'warning', 'not-yet': 'warning', revoked: 'invalid', expired: 'invalid' } as const;

export function PassportStatus({ status }: { status: ShownStatus }) {
  return (
    <span class={`status status--${status}`}>
      <ResultIcon result={ICON[status]} />
      {WORDS[status]}
    </span>
  );
}
