// Many status indices at once (an import): a run of the issuer's newest list, then new lists while more are needed
// (spec section 4). One statement a list instead of one a passport.

import type { SchemeContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { createStatusList, lockIssuerLists } from '../publication/status-lists.ts';

/** Indices from..to-1 of one list. `created`: the list was made (and signed) by this allocation. */
export type IndexRange = { listId: number; uri: string; from: number; to: number; created: boolean };

/** Call inside a transaction: holds the issuer's list lock until it ends, so ranges never overlap. */
export async function allocateStatusRanges(tx: Queryable, ctx: SchemeContext, iss: string, count: number): Promise<IndexRange[]> {
  const ranges: IndexRange[] = [];
  if (count <= 0) return ranges;
  await lockIssuerLists(tx, iss);
  let left = count;
  let created = false;
  while (left > 0) {
    const [row] = await tx.query<{ id: number; uri: string; from_idx: number; to_idx: number }>(
      `UPDATE status_lists l SET next_idx = least(l.size, l.next_idx + $2)
         FROM (SELECT id, next_idx FROM status_lists WHERE iss = $1 ORDER BY number DESC LIMIT 1 FOR UPDATE) o
        WHERE l.id = o.id AND l.next_idx < l.size
       RETURNING l.id, l.uri, o.next_idx AS from_idx, l.next_idx AS to_idx`,
      [iss, left],
    );
    if (row) {
      ranges.push({ listId: row.id, uri: row.uri, from: row.from_idx, to: row.to_idx, created });
      left -= row.to_idx - row.from_idx;
      created = false;
      continue;
    }
    await createStatusList(tx, ctx, iss);
    created = true;
  }
  return ranges;
}
