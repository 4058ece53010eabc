// The database backends every server suite runs against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.

import { randomBytes } from 'node:crypto';
import { vi } from 'vitest';
import type { Database } from '../../../src/server/db/database.ts';
import { openDatabase } from '../../../src/server/db/open-database.ts';
import { dropPgSchema } from '../../../src/server/db/pg-database.ts';

// Starting an in-memory PGlite compiles PostgreSQL's WebAssembly (2 to 5 s, more when both cores are busy): every
// server suite that imports this module gets a longer limit for its beforeAll.
vi.setConfig({ hookTimeout: 60_000 });

export type Backend = { name: 'PGlite' | 'PostgreSQL' };

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;

export const BACKENDS: Backend[] = [{ name: 'PGlite' }, ...(POSTGRES_URL ? [{ name: 'PostgreSQL' as const }] : [])];

export type TestDatabase = { db: Database; dispose(): Promise<void> };

/** A fresh, migrated database: PGlite in memory, or a schema of its own on the PostgreSQL server. */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend.name === 'PGlite') {
    const db = await openDatabase({ kind: 'pglite' });
    return { db, dispose: () => db.close() };
  }
  const url = POSTGRES_URL!;
  const schema = `cp_test_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase({ kind: 'postgres', url, schema });
  return {
    db,
    async dispose() {
      await db.close();
      await dropPgSchema(url, schema);
    },
  };
}
