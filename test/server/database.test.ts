// One set of SQL migrations on both adapters, applied once; the PGlite data folder is locked to one process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderLocked, lockDataFolder } from '../../src/server/db/lock-file.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/backends.ts';

describe.each(BACKENDS)('migrations ($name)', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t?.dispose());

  it('records each migration once and applies nothing the second time', async () => {
    const rows = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toContain('001-initial.sql');
    expect(await migrate(t.db)).toEqual([]);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO partners (id, name, kind, time_zone) VALUES ('rollback-me', 'R', 'shop', 'Europe/London')`);
        await tx.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow();
    expect(await t.db.query(`SELECT 1 FROM partners WHERE id = 'rollback-me'`)).toEqual([]);
  });

  it('applies a new migration file after the ones already applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-migrations-'));
    try {
      writeFileSync(join(dir, '001-initial.sql'), 'SELECT 1;');
      writeFileSync(join(dir, '002-note.sql'), 'CREATE TABLE migration_probe (id int); INSERT INTO migration_probe VALUES (7);');
      expect(await migrate(t.db, dir)).toEqual(['002-note.sql']);
      expect(await t.db.query('SELECT id FROM migration_probe')).toEqual([{ id: 7 }]);
      expect(await migrate(t.db, dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PGlite data folder lock', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'cp-pglite-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a second process with a message that says what to do, and lets it in once the first has closed', async () => {
    const db = await openDatabase({ kind: 'pglite', folder });
    try {
      const script = `import { lockDataFolder } from ${JSON.stringify(join(process.cwd(), 'src/server/db/lock-file.ts'))};
        try { lockDataFolder(${JSON.stringify(folder)}); console.log('took it'); } catch (e) { console.log(e.message); }`;
      const other = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(other.stdout).toMatch(/is in use by another process \(pid \d+\)\. Stop the running scheme service first/);
    } finally {
      await db.close();
    }
    const release = lockDataFolder(folder); // closed: free again
    release();
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(folder, 'carers-passport.lock'), '999999999');
    const release = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLocked);
    release();
  });
});
