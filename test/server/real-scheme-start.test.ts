// Issue 8, points 2 and 11, as an operator meets them: `npm start` (src/server/main.ts) and `carers-passport admin`
// on the data folder of a real scheme, without its keys: one line naming CP_ROOT_KEY_FILE, and nothing changed. A real
// scheme's admin password is at least 12 characters; the demo's "demo" opens nothing else.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { generateSigningKey } from '../../src/core/index.ts';
import { chooseAdminPassword } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { snapshot } from './support/db-snapshot.ts';
import { T0 } from './support/test-service.ts';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
    cwd: '/',
    readText: async (path) => {
      throw Object.assign(new Error(path), { code: 'ENOENT' });
    },
    writeFile: async () => {},
    exists: async () => false,
    besideFile: (_file, path) => path,
    now: () => T0,
  };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

async function folderSnapshot(folder: string): Promise<unknown> {
  const db = await openDatabase({ kind: 'pglite', folder }, { warn: () => {} });
  try {
    return await snapshot(db);
  } finally {
    await db.close();
  }
}

/** `npm start`'s server step, in a process of its own, with exactly this environment. */
function startMain(env: Record<string, string>): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/server/main.ts')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: run.status, lines: `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '') };
}

describe('a real scheme started without its keys', () => {
  let dir: string;
  let data: string;
  let keyEnv: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cp-real-start-'));
    data = join(dir, 'data');
    const [root, issuer] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('EdDSA')]);
    writeFileSync(join(dir, 'root.jwk'), JSON.stringify(root.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'county.jwk'), JSON.stringify(issuer.privateJwk), { mode: 0o600 });
    writeFileSync(join(dir, 'issuers.json'), JSON.stringify([{ iss: 'uk.county', name: 'County Carers', cats: ['adult'], keyFile: 'county.jwk' }]));
    keyEnv = { CP_ROOT_KEY_FILE: join(dir, 'root.jwk'), CP_ISSUERS_FILE: join(dir, 'issuers.json'), CP_SCHEME_ID: 'county-scheme' };
    Object.assign(process.env, keyEnv);
    try {
      const made = await cli(['admin', 'partner', 'list', '--data-dir', data]);
      expect(made.err).toBe('');
      expect(made.code).toBe(0);
    } finally {
      for (const name of Object.keys(keyEnv)) delete process.env[name];
    }
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('carers-passport admin refuses in one line that names CP_ROOT_KEY_FILE, and changes nothing', { timeout: 90_000 }, async () => {
    const before = await folderSnapshot(data);
    const refused = await cli(['admin', 'partner', 'list', '--data-dir', data]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^carers-passport admin: This database holds the scheme county-scheme: set CP_ROOT_KEY_FILE and CP_ISSUERS_FILE to its keys/);
    expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.out).toBe('');
    expect(await folderSnapshot(data)).toEqual(before);
  });

  it('npm start refuses in one line that names CP_ROOT_KEY_FILE, and changes nothing', { timeout: 120_000 }, async () => {
    const before = await folderSnapshot(data);
    const run = startMain({ DATA_DIR: data });
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^carers-passport service: This database holds the scheme county-scheme: set CP_ROOT_KEY_FILE/);
    expect(await folderSnapshot(data)).toEqual(before);
  });

  it('npm start with the real keys wants an ADMIN_PASSWORD of at least 12 characters, in one line', { timeout: 120_000 }, () => {
    for (const password of [undefined, 'a', 'demo']) {
      const run = startMain({ DATA_DIR: data, ...keyEnv, ...(password === undefined ? {} : { ADMIN_PASSWORD: password }) });
      expect(run.status, password).toBe(1);
      expect(run.lines, password).toHaveLength(1);
      expect(run.lines[0], password).toMatch(/^carers-passport service: (Set ADMIN_PASSWORD \(at least 12 characters\)|ADMIN_PASSWORD is too short for a real scheme: use at least 12 characters)/);
    }
  });
});

describe('the admin password', () => {
  it('is needed only by a real scheme with no accounts yet (its first coordinator), with 12 characters or more', () => {
    expect(chooseAdminPassword(undefined, true, false)).toEqual({ password: undefined });
    expect(chooseAdminPassword(undefined, false, false)).toHaveProperty('problem');
    expect(chooseAdminPassword('demo', false, false)).toHaveProperty('problem');
    expect(chooseAdminPassword('eleven-char', false, false)).toHaveProperty('problem');
    expect(chooseAdminPassword('twelve-chars', false, false)).toEqual({ password: 'twelve-chars' });
    // once the scheme has accounts, ADMIN_PASSWORD may go
    expect(chooseAdminPassword(undefined, false, true)).toEqual({ password: undefined });
  });
});
