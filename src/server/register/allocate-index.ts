// The next free status index of an issuer: its newest list, or a new list (new uri) when that one is full
// (spec section 4).

import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { createStatusList } from '../publication/status-lists.ts';

export type Allocation = { listId: number; uri: string; idx: number };

export async function allocateStatusIndex(tx: Queryable, ctx: SchemeContext, iss: string): Promise<Allocation> {
  const taken = await tx.query<{ id: number; uri: string; idx: number }>(
    `UPDATE status_lists SET next_idx = next_idx + 1
       WHERE id = (SELECT id FROM status_lists WHERE iss = $1 ORDER BY number DESC LIMIT 1) AND next_idx < size
     RETURNING id, uri, next_idx - 1 AS idx`,
    [iss],
  );
  const row = taken[0];
  if (row) return { listId: row.id, uri: row.uri, idx: row.idx };
  const list = await createStatusList(tx, ctx, iss);
  await tx.query('UPDATE status_lists SET next_idx = 1 WHERE id = $1', [list.id]);
  return { listId: list.id, uri: list.uri, idx: 0 };
}
