// What a start or a command could write, to prove that a refused one wrote nothing.

import type { Database } from '../../../src/server/db/database.ts';

/** Everything a start could write: row counts, keys, bundles, lists and the scheme row. */
export async function snapshot(db: Database): Promise<unknown> {
  const tables = ['scheme', 'issuers', 'scheme_keys', 'trust_bundles', 'status_lists', 'passports', 'audit_log', 'partners', 'offers', 'devices', 'redemptions'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  return {
    counts,
    scheme: await db.query('SELECT scheme_id, root_kid, demo FROM scheme'),
    keys: await db.query('SELECT kid, role, iss, state FROM scheme_keys ORDER BY kid'),
    bundles: await db.query('SELECT seq, jwt FROM trust_bundles ORDER BY seq'),
    lists: await db.query('SELECT id, uri, jwt, next_idx FROM status_lists ORDER BY id'),
  };
}
