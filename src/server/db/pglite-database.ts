// The embedded adapter: PGlite (PostgreSQL compiled to WebAssembly) in a data folder, or in memory for tests.

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Executor, Row } from './database.ts';
import { lockDataFolder } from './lock-file.ts';

/** `folder` undefined means in memory (tests). */
export async function openPgliteDatabase(folder: string | undefined): Promise<Database> {
  let release = () => {};
  if (folder !== undefined) {
    mkdirSync(folder, { recursive: true });
    release = lockDataFolder(folder);
  }
  let pg: PGlite;
  try {
    pg = folder === undefined ? await PGlite.create() : await PGlite.create(folder);
  } catch (error) {
    release();
    throw error;
  }
  const run = (target: Pick<PGlite, 'query' | 'exec'>): Executor => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...run(pg),
    transaction: (work) => pg.transaction((tx) => work(run(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
