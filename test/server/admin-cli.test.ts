// `carers-passport admin ...` on the service's embedded database: the same register, audit and reports as the page.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { T0 } from './support/test-service.ts';

type Run = { code: number; out: string; err: string; files: Map<string, string | Uint8Array> };

async function cli(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string | Uint8Array>();
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
    cwd: '/',
    readText: async (path) => {
      throw Object.assign(new Error(path), { code: 'ENOENT' });
    },
    writeFile: async (path, data) => void files.set(path, data),
    exists: async (path) => files.has(path),
    besideFile: (_file, path) => path,
    now: () => T0,
  };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join(''), files };
}

describe('carers-passport admin (embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-admin-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('issues a demo passport with its QR file, then revokes it, audited as the CLI user', { timeout: 60_000 }, async () => {
    const issued = await cli(['admin', 'passport', 'issue', '--data-dir', dir, '--iss', 'uk.llr.vasl', '--cat', 'parent', '--name', 'Ada Lovelace', '--jti', 'LLR-9000', '--qr', 'card.svg']);
    expect(issued.err).toBe('');
    expect(issued.code).toBe(0);
    const answer = JSON.parse(issued.out);
    expect(answer.passport).toMatchObject({ iss: 'uk.llr.vasl', jti: 'LLR-9000', status: 'valid', nbf: T0 });
    expect(answer.qrText).toMatch(/^CP1:\/\d+$/);
    expect(String(issued.files.get('card.svg'))).toMatch(/^<svg/);

    const revoked = await cli(['admin', 'passport', 'revoke', 'uk.llr.vasl', 'LLR-9000', '--data-dir', dir]);
    expect(JSON.parse(revoked.out).passport.status).toBe('revoked');
    const again = await cli(['admin', 'passport', 'revoke', 'uk.llr.vasl', 'LLR-9000', '--data-dir', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toBe('carers-passport admin: passport LLR-9000 is revoked: it cannot be revoked\n');

    const db = await openDatabase({ kind: 'pglite', folder: dir });
    try {
      const audit = await db.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE jti = 'LLR-9000' ORDER BY id`);
      expect(audit.map((a) => a.action)).toEqual(['passport.issue', 'passport.revoke']);
      for (const entry of audit) expect(entry.actor).toMatch(/^cli:/);
    } finally {
      await db.close();
    }
  });

  it('makes an enrolment code for a seeded partner and prints a report as CSV', { timeout: 60_000 }, async () => {
    const partners = JSON.parse((await cli(['admin', 'partner', 'list', '--data-dir', dir])).out) as { id: string }[];
    expect(partners).toHaveLength(3);
    const code = await cli(['admin', 'enrol', partners[0]!.id, '--data-dir', dir]);
    expect(JSON.parse(code.out).code.split('.')).toHaveLength(3);
    const report = await cli(['admin', 'report', 'passports-by-month', '--csv', '--data-dir', dir]);
    expect(report.out.split('\r\n')[0]).toBe('month,issued,renewed,revoked');
    expect(report.out).toContain('2027-01,1,0,1'); // the CLI's own issue and revoke, at T0
  });

  it('refuses, in one line, while another process holds the embedded database', { timeout: 60_000 }, async () => {
    const held = await openDatabase({ kind: 'pglite', folder: dir });
    try {
      const refused = await cli(['admin', 'device', 'list', '--data-dir', dir]);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/^carers-passport admin: The database folder .* is in use by another process \(pid \d+\)\. Stop the running scheme service first/);
    } finally {
      await held.close();
    }
  });

  it('says which areas there are when the area is unknown', async () => {
    const wrong = await cli(['admin', 'nonsense']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/admin must be one of passport, partner, enrol, device, report/);
  });
});
