// Key rotation (issue 10, point 6; spec section 3): which issuer key signed each passport, and which retired keys no
// valid passport needs any more. A retired key leaves the bundle once every passport it signed has expired or been
// cancelled; a suspended passport may be reinstated, so it still holds its key.

import type { Queryable } from '../db/database.ts';
import { audit } from '../register/audit-log.ts';

export type IssuerKeyState = { kid: string; iss: string; state: 'active' | 'retired' | 'removed'; addedAt: string; validPassports: number };

/** Called for every token the service signs: the key is needed until this expiry (or the passport's cancellation). */
export async function recordSignature(q: Queryable, passport: { iss: string; jti: string; exp: number }, kid: string): Promise<void> {
  await q.query(
    `INSERT INTO passport_signatures (iss, jti, kid, exp) VALUES ($1, $2, $3, $4)
       ON CONFLICT (iss, jti, kid) DO UPDATE SET exp = EXCLUDED.exp WHERE passport_signatures.exp < EXCLUDED.exp`,
    [passport.iss, passport.jti, kid, passport.exp],
  );
}

// status 1 is revoked (passport-register.ts); a token is valid while now < exp (spec section 5)
const STILL_NEEDED = `EXISTS (SELECT 1 FROM passport_signatures s JOIN passports p ON p.iss = s.iss AND p.jti = s.jti
  WHERE s.kid = k.kid AND s.exp > $1 AND p.status <> 1)`;

/** Retired issuer keys that signed no passport still valid at `now`: the next bundle leaves them out. */
export async function spentKeys(q: Queryable, now: number): Promise<{ kid: string; iss: string }[]> {
  return q.query(`SELECT k.kid, k.iss FROM scheme_keys k WHERE k.role = 'issuer' AND k.state = 'retired' AND NOT ${STILL_NEEDED} ORDER BY k.kid`, [now]);
}

/** Marks spent keys removed (in the caller's transaction, before a bundle is signed) and audits each one. */
export async function removeSpentKeys(q: Queryable, now: number): Promise<{ kid: string; iss: string }[]> {
  const removed = await q.query<{ kid: string; iss: string }>(
    `UPDATE scheme_keys k SET state = 'removed' WHERE k.role = 'issuer' AND k.state = 'retired' AND NOT ${STILL_NEEDED} RETURNING k.kid, k.iss`,
    [now],
  );
  for (const key of removed) await audit(q, now, { actor: 'service', action: 'key.remove', iss: key.iss, detail: { kid: key.kid, why: 'no valid passport signed by it' } });
  return removed;
}

/** Every issuer key the service has met, with how many valid passports each one signed (what the ceremony checks). */
export async function issuerKeyStates(q: Queryable, now: number): Promise<IssuerKeyState[]> {
  const rows = await q.query<{ kid: string; iss: string; state: IssuerKeyState['state']; added_at: string; valid: string | number }>(
    `SELECT k.kid, k.iss, k.state, to_char(k.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS added_at,
            (SELECT count(*) FROM passport_signatures s JOIN passports p ON p.iss = s.iss AND p.jti = s.jti
              WHERE s.kid = k.kid AND s.exp > $1 AND p.status <> 1) AS valid
       FROM scheme_keys k WHERE k.role = 'issuer' ORDER BY k.iss, k.added_at, k.kid`,
    [now],
  );
  return rows.map((r) => ({ kid: r.kid, iss: r.iss, state: r.state, addedAt: r.added_at, validPassports: Number(r.valid) }));
}
