// Issue 8, point 7: the embedded database folder holds carers' names in plain text; only the service's user may read
// it. Created 0700 (with the parents made for it), looser folders fixed at the next start with a warning, and no file
// inside readable by group or others.

import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/open-database.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Paths under `folder` that group or others may use. */
function looseInside(folder: string): string[] {
  const loose: string[] = [];
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    if ((mode(join(folder, name)) & 0o077) !== 0) loose.push(`${name} 0${mode(join(folder, name)).toString(8)}`);
  }
  return loose;
}

describe.skipIf(process.platform === 'win32')('the embedded database folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-data-folder-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is made 0700 with the parents it needs, and nothing inside is readable by others', { timeout: 60_000 }, async () => {
    const folder = join(dir, '.data', 'pglite');
    const warnings: string[] = [];
    const db = await openDatabase({ kind: 'pglite', folder }, { warn: (line) => warnings.push(line) });
    try {
      await db.query(`INSERT INTO partners (id, name, kind, time_zone) VALUES ('p1', 'Amara Patel''s café', 'shop', 'Europe/London')`);
      expect(mode(join(dir, '.data'))).toBe(0o700);
      expect(mode(folder)).toBe(0o700);
      expect(looseInside(folder)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(looseInside(folder)).toEqual([]); // files made while it ran (the WAL with the name in it) too
    expect(warnings).toEqual([]);
  });

  it('is made 0700 again at the next start when it was opened up, with a warning line', { timeout: 60_000 }, async () => {
    const folder = join(dir, '.data', 'pglite');
    chmodSync(folder, 0o755);
    chmodSync(join(folder, 'PG_VERSION'), 0o644);
    const warnings: string[] = [];
    const db = await openDatabase({ kind: 'pglite', folder }, { warn: (line) => warnings.push(line) });
    await db.close();
    expect(mode(folder)).toBe(0o700);
    expect(looseInside(folder)).toEqual([]);
    expect(warnings).toEqual([`The database folder ${folder} was readable by other users (mode 0755): it is now 0700.`]);
  });
});
