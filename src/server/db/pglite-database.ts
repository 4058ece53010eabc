// The embedded adapter: PGlite (PostgreSQL compiled to WebAssembly) in a data folder, or in memory for tests.

import { PGlite } from '@electric-sql/pglite';
import type { Database, Executor, Row } from './database.ts';
import { lockDataFolder } from './lock-file.ts';
import { ensurePrivateFolder, tightenInside, type Warn } from './private-folder.ts';

export type PgliteOptions = { warn?: Warn };

/** `folder` undefined means in memory (tests). */
export async function openPgliteDatabase(folder: string | undefined, options: PgliteOptions = {}): Promise<Database> {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  let release = () => {};
  if (folder !== undefined) {
    ensurePrivateFolder(folder, warn);
    release = lockDataFolder(folder);
  }
  let pg: PGlite;
  try {
    pg = folder === undefined ? await PGlite.create() : await PGlite.create(folder);
    if (folder !== undefined) tightenInside(folder);
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
  // one process per folder (the lock file): the startup lock only has to order this process's own callers
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    ...run(pg),
    transaction: (work) => pg.transaction((tx) => work(run(tx))),
    withLock(_key, work) {
      const turn = queue.then(work, work);
      queue = turn.catch(() => {});
      return turn;
    },
    async close() {
      try {
        await pg.close();
        if (folder !== undefined) tightenInside(folder); // files made while running (WAL segments, new tables)
      } finally {
        release();
      }
    },
  };
}
