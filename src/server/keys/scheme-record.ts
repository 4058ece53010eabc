// Which scheme the database holds, and whether the configured keys may open it (decisions.md: demo or real is decided
// by the database and the configuration, never by a missing variable). The first start writes the `scheme` row; every
// later start (service or admin command) is checked against it before anything is written.

import { DEMO_ROOT_PUBLIC } from '../../demo/demo-scheme.ts';
import type { Queryable } from '../db/database.ts';
import type { KeyMaterial } from './key-material.ts';

/** schemeId is unknown only for a database made before the scheme table (inferred from its root key). */
export type HeldScheme = { schemeId: string | undefined; rootKid: string; demo: boolean };

/** A start refused because the keys do not belong to the database: the message is one line for the operator. */
export class SchemeRefused extends Error {
  override readonly name = 'SchemeRefused';
  readonly code = 'SCHEME_REFUSED';
}

/** What the database says it holds; undefined for a fresh database. Reads only. */
export async function readHeldScheme(db: Queryable): Promise<HeldScheme | undefined> {
  const [row] = await db.query<{ scheme_id: string; root_kid: string; demo: boolean }>('SELECT scheme_id, root_kid, demo FROM scheme');
  if (row) return { schemeId: row.scheme_id, rootKid: row.root_kid, demo: row.demo };
  // made before the scheme table: its first root tells, a real root before the demo one (a real scheme that once
  // met the demo keys stays real)
  const roots = await db.query<{ kid: string }>(`SELECT kid FROM scheme_keys WHERE role = 'root' ORDER BY added_at, kid`);
  const real = roots.find((r) => r.kid !== DEMO_ROOT_PUBLIC.kid);
  if (real) return { schemeId: undefined, rootKid: real.kid, demo: false };
  if (roots.length > 0) return { schemeId: undefined, rootKid: DEMO_ROOT_PUBLIC.kid, demo: true };
  return undefined;
}

/** Why these keys may not open a database holding `held`; undefined when they may. Ends with what to do. */
export function schemeRefusal(held: HeldScheme | undefined, keys: KeyMaterial): string | undefined {
  if (!held) return undefined;
  const name = held.schemeId === undefined ? 'a real scheme' : `the scheme ${held.schemeId}`;
  if (!held.demo && keys.demo) {
    return `This database holds ${name}: set CP_ROOT_KEY_FILE and CP_ISSUERS_FILE to its keys (without them the demo would start). Nothing was changed.`;
  }
  if (held.demo && !keys.demo) {
    return 'This database holds the demo scheme: use a fresh database (DATABASE_URL or DATA_DIR) for a real scheme. Nothing was changed.';
  }
  if (held.rootKid !== keys.root.kid) {
    return `CP_ROOT_KEY_FILE holds the root key ${keys.root.kid}, but this database belongs to ${name} with the root key ${held.rootKid}. Nothing was changed.`;
  }
  if (held.schemeId !== undefined && held.schemeId !== keys.schemeId) {
    return `CP_SCHEME_ID is ${keys.schemeId}, but this database holds the scheme ${held.schemeId}. Nothing was changed.`;
  }
  return undefined;
}

/** Reads only: the refusal for these keys, if any (main.ts and the admin commands ask before they start). */
export async function checkScheme(db: Queryable, keys: KeyMaterial): Promise<string | undefined> {
  return schemeRefusal(await readHeldScheme(db), keys);
}

/**
 * At start, under the startup lock: refuses keys that do not belong to the database (before any write), and records
 * the scheme the first time. Returns whether this start made the database the scheme's (a fresh database).
 */
export async function claimScheme(db: Queryable, keys: KeyMaterial): Promise<boolean> {
  const held = await readHeldScheme(db);
  const refusal = schemeRefusal(held, keys);
  if (refusal) throw new SchemeRefused(refusal);
  const written = await db.query(
    'INSERT INTO scheme (scheme_id, root_kid, demo) VALUES ($1, $2, $3) ON CONFLICT (one_row) DO NOTHING RETURNING one_row',
    [keys.schemeId, keys.root.kid, keys.demo],
  );
  return written.length > 0 && held === undefined;
}
