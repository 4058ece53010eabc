// The server adapter: node-postgres against DATABASE_URL, for a scheme with many partners.

import pg from 'pg';
import type { Database, Executor, Row } from './database.ts';

// int8 (counts, bigserial) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (text) => Number.parseInt(text, 10));

export type PgOptions = {
  /** A schema to create and use (tests run in their own schema so runs never meet). */
  schema?: string;
  max?: number;
};

export async function openPgDatabase(url: string, options: PgOptions = {}): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      // instances starting together on a fresh schema: IF NOT EXISTS still races (unique_violation on pg_namespace)
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P06') throw error;
      });
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const run = (target: pg.Pool | pg.PoolClient): Executor => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await target.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...run(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(run(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async withLock(key, work) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Drops a test schema and everything in it. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
