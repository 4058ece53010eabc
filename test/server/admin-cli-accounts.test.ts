// `carers-passport admin account ...` on the embedded database: accounts added with a printed or piped password,
// listed, given an API token, disabled; each audited as the CLI user.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { checkPassword } from '../../src/server/accounts/account-store.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { T0 } from './support/test-service.ts';

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => stdin,
    cwd: '/',
    readText: async (path) => {
      throw Object.assign(new Error(path), { code: 'ENOENT' });
    },
    writeFile: async () => {},
    exists: async () => false,
    besideFile: (_file, path) => path,
    now: () => T0,
  };
  return { code: await main(args, io), out: out.join(''), err: err.join('') };
}

describe('carers-passport admin account (embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-admin-accounts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds issuer staff with a generated password printed once, and a coordinator with a password from stdin', { timeout: 60_000 }, async () => {
    const staff = await cli(['admin', 'account', 'add', '--name', 'jo.vasl', '--role', 'issuer', '--issuer', 'uk.llr.vasl', '--data-dir', dir]);
    expect(staff.err).toBe('');
    expect(staff.code).toBe(0);
    const answer = JSON.parse(staff.out);
    expect(answer.account).toMatchObject({ name: 'jo.vasl', role: 'issuer', iss: 'uk.llr.vasl', partnerId: null, disabled: false });
    expect(answer.password).toMatch(/^[A-Za-z2-9]{20}$/);

    const piped = await cli(['admin', 'account', 'add', '--name', 'sam', '--role', 'coordinator', '--password-stdin', '--data-dir', dir], 'piped in password\n');
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out)).not.toHaveProperty('password');

    const refused = await cli(['admin', 'account', 'add', '--name', 'pat', '--role', 'partner', '--data-dir', dir]);
    expect([refused.code, refused.err]).toEqual([2, 'carers-passport admin: A partner manager needs --partner (the partner id).\n']);
    const short = await cli(['admin', 'account', 'add', '--name', 'kim', '--role', 'coordinator', '--password-stdin', '--data-dir', dir], 'short\n');
    expect(short.err).toBe('carers-passport admin: Use at least 12 characters.\n');

    const token = await cli(['admin', 'account', 'token', 'jo.vasl', '--label', 'nightly', '--data-dir', dir]);
    expect(JSON.parse(token.out)).toMatchObject({ account: 'jo.vasl', label: 'nightly', token: expect.stringMatching(/^cpt[a-z0-9]+\.[A-Za-z0-9_-]{43}$/) });
    expect((await cli(['admin', 'account', 'disable', 'jo.vasl', '--data-dir', dir])).code).toBe(0);

    const list = JSON.parse((await cli(['admin', 'account', 'list', '--data-dir', dir])).out) as { name: string; disabled: boolean }[];
    expect(list.map((a) => [a.name, a.disabled])).toEqual([
      // the demo database's own accounts come first (seeded on first use), then ours
      ...list.filter((a) => !['jo.vasl', 'sam'].includes(a.name)).map((a) => [a.name, false]),
      ['jo.vasl', true],
      ['sam', false],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));

    const db = await openDatabase({ kind: 'pglite', folder: dir });
    try {
      expect(await checkPassword(db, 'sam', 'piped in password')).toMatchObject({ name: 'sam', role: 'coordinator' });
      expect(await checkPassword(db, 'jo.vasl', answer.password)).toBeUndefined(); // disabled
      const audit = await db.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE action LIKE 'account.%' OR action LIKE 'token.%' ORDER BY id`);
      const ours = audit.filter((a) => a.actor.startsWith('cli:'));
      expect(ours.map((a) => a.action)).toEqual(['account.add', 'account.add', 'token.create', 'account.disable']);
    } finally {
      await db.close();
    }
  });
});
