// Issue 8, point 3: replicas start together on one PostgreSQL database. Migrations, the scheme's first-run work and a
// new status list when one fills up are each done once, under an advisory lock, and every instance comes up.

import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_LIST_SIZE, type SchemeContext } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/database.ts';
import { MIGRATIONS_DIR } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { dropPgSchema } from '../../src/server/db/pg-database.ts';
import { demoKeyMaterial, type KeyMaterial } from '../../src/server/keys/key-material.ts';
import { issuePassport } from '../../src/server/register/passport-register.ts';
import { prepareScheme } from '../../src/server/scheme-startup.ts';
import { POSTGRES_URL } from './support/backends.ts';
import { makeTestKeys, T0 } from './support/test-service.ts';

/** Every migration applied once, however many instances raced to apply them. */
const MIGRATION_COUNT = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

const INSTANCES = 3;

describe.skipIf(!POSTGRES_URL)('several instances on one empty PostgreSQL database', () => {
  const url = POSTGRES_URL!;
  let schema: string;
  let dbs: Database[] = [];
  afterEach(async () => {
    await Promise.all(dbs.map((db) => db.close()));
    dbs = [];
    await dropPgSchema(url, schema);
  });

  /** INSTANCES pools on a schema nobody has made yet, each opened and migrated at the same moment. */
  async function instances(keys: KeyMaterial, statusListSize = DEFAULT_STATUS_LIST_SIZE): Promise<SchemeContext[]> {
    schema = `cp_test_${randomBytes(6).toString('hex')}`;
    dbs = await Promise.all(Array.from({ length: INSTANCES }, () => openDatabase({ kind: 'postgres', url, schema })));
    return dbs.map((db) => ({ db, keys, publicUrl: 'https://passport.example', now: () => T0, keepNames: true, statusListSize }));
  }

  it('cold-start together: all come up, the demo is seeded exactly once', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const contexts = await instances(demoKeyMaterial());
      const seeded = await Promise.all(contexts.map((ctx) => prepareScheme(ctx, { seedDemo: true })));
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const [counts] = await dbs[0]!.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM passports) AS passports, (SELECT count(*)::int FROM status_lists) AS lists,
                (SELECT count(*)::int FROM partners) AS partners, (SELECT count(*)::int FROM scheme) AS scheme,
                (SELECT count(*)::int FROM schema_migrations) AS migrations, (SELECT count(*)::int FROM scheme_keys) AS keys`,
      );
      expect(counts).toEqual({ passports: 36, lists: 2, partners: 3, scheme: 1, migrations: MIGRATION_COUNT, keys: 3 });
      await Promise.all(dbs.map((db) => db.close()));
      dbs = [];
      await dropPgSchema(url, schema);
    }
    schema = `cp_test_unused_${randomBytes(4).toString('hex')}`;
  });

  it('a real scheme cold-starts together, then fills small lists from every instance at once: one new list each time', { timeout: 120_000 }, async () => {
    const contexts = await instances(await makeTestKeys(), 4);
    await Promise.all(contexts.map((ctx) => prepareScheme(ctx, { seedDemo: false })));
    const issued = await Promise.all(
      contexts.flatMap((ctx, n) =>
        Array.from({ length: 6 }, (_, k) => issuePassport(ctx, { iss: 'uk.test.vasl', cat: 'adult', name: `Carer ${n}-${k}`, jti: `TST-${n}${k}`, actor: 'test' })),
      ),
    );
    expect(issued.filter((r) => !r.ok)).toEqual([]);
    const lists = await dbs[0]!.query<{ number: number; next_idx: number }>(`SELECT number, next_idx FROM status_lists WHERE iss = 'uk.test.vasl' ORDER BY number`);
    expect(lists.map((l) => l.number)).toEqual([1, 2, 3, 4, 5]); // 18 passports, 4 a list: 5 lists, none made twice
    expect(lists.reduce((sum, l) => sum + l.next_idx, 0)).toBe(18);
  });
});
