// Cancelling a passport ends its phone copies' refresh tokens (issue 9, point 5). Its own file: the register calls
// it inside the cancelling transaction, and the rest of the phone copy's code calls the register.

import { toDate } from '../context.ts';
import type { Queryable } from '../db/database.ts';

export async function endCardCopies(q: Queryable, passport: { iss: string; jti: string }, at: number): Promise<void> {
  await q.query('UPDATE card_copies SET ended_at = $3 WHERE iss = $1 AND jti = $2 AND ended_at IS NULL', [passport.iss, passport.jti, toDate(at)]);
}
