// Chooses the adapter: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite in a data folder.

import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgDatabase } from './pg-database.ts';
import { openPgliteDatabase } from './pglite-database.ts';

export type DatabaseChoice =
  | { kind: 'postgres'; url: string; schema?: string }
  /** folder undefined: in memory. */
  | { kind: 'pglite'; folder?: string };

/** Opens and migrates. `warn` hears about a data folder whose mode was fixed (default: stderr). */
export async function openDatabase(choice: DatabaseChoice, options: { warn?: (line: string) => void } = {}): Promise<Database> {
  const db =
    choice.kind === 'postgres'
      ? await openPgDatabase(choice.url, choice.schema === undefined ? {} : { schema: choice.schema })
      : await openPgliteDatabase(choice.folder, options.warn === undefined ? {} : { warn: options.warn });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
