// The next free status index of an issuer: its newest list, or a new list (new uri) when that one is full
// (spec section 4).

import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { createStatusList, lockIssuerLists } from '../publication/status-lists.ts';

export type Allocation = { listId: number; uri: string; idx: number };

/** Call inside a transaction: a new list is made under the issuer's lock, which lasts until the transaction ends. */
export async function allocateStatusIndex(tx: Queryable, ctx: SchemeContext, iss: string): Promise<Allocation> {
  const first = await takeIndex(tx, iss);
  if (first) return first;
  // full (or none): check again under the lock, since another instance may have just made the next list
  await lockIssuerLists(tx, iss);
  const second = await takeIndex(tx, iss);
  if (second) return second;
  const list = await createStatusList(tx, ctx, iss);
  await tx.query('UPDATE status_lists SET next_idx = 1 WHERE id = $1', [list.id]);
  return { listId: list.id, uri: list.uri, idx: 0 };
}

/** The next index of the issuer's newest list, if it has room. */
async function takeIndex(tx: Queryable, iss: string): Promise<Allocation | undefined> {
  const [row] = await tx.query<{ id: number; uri: string; idx: number }>(
    `UPDATE status_lists SET next_idx = next_idx + 1
       WHERE id = (SELECT id FROM status_lists WHERE iss = $1 ORDER BY number DESC LIMIT 1) AND next_idx < size
     RETURNING id, uri, next_idx - 1 AS idx`,
    [iss],
  );
  return row && { listId: row.id, uri: row.uri, idx: row.idx };
}
