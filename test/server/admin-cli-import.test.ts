// `carers-passport admin passport import FILE.csv [--dry-run]`: the summary line, the refused rows and the exit code.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { T0 } from './support/test-service.ts';

const FILES: Record<string, string> = {
  'good.csv': '\uFEFFname,kind,number,issued,expires,issuer\r\n"O\'Neill, Seán",Parent carer,LLR-7001,01/02/2025,31/01/2028,uk.llr.vasl\r\n',
  'mixed.csv': 'name,kind,number,issued,expires,issuer\nAda,adult,LLR-7101,2025-01-01,2028-01-01,uk.llr.vasl\nBob,adult,LLR-7102,2025-01-01,2024-01-01,uk.llr.vasl\nCy,adult,LLR-7103,2025-01-01,2028-01-01,uk.nowhere\n',
};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
    cwd: '/',
    readText: async (path) => {
      const text = FILES[path];
      if (text === undefined) throw Object.assign(new Error(path), { code: 'ENOENT' });
      return text;
    },
    writeFile: async () => {},
    exists: async () => false,
    besideFile: (_file, path) => path,
    now: () => T0,
  };
  return { code: await main(args, io), out: out.join(''), err: err.join('') };
}

describe('carers-passport admin passport import', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-import-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a clean file with exit 0, and a second time finds it already present', { timeout: 60_000 }, async () => {
    const first = await cli(['admin', 'passport', 'import', 'good.csv', '--data-dir', dir]);
    expect(first).toEqual({ code: 0, out: 'imported 1, already present 0, refused 0\n', err: '' });
    const again = await cli(['admin', 'passport', 'import', 'good.csv', '--data-dir', dir]);
    expect(again.out).toBe('imported 0, already present 1, refused 0\n');
    expect(again.code).toBe(0);
  });

  it('prints refused rows with their lines and exits 1; a dry run changes nothing', { timeout: 60_000 }, async () => {
    const dry = await cli(['admin', 'passport', 'import', 'mixed.csv', '--dry-run', '--data-dir', dir]);
    expect(dry.code).toBe(1);
    expect(dry.out).toBe(
      'would import 1, already present 0, refused 2 (dry run: nothing changed)\n' +
        'line 3: the expiry date is before the issue date\n' +
        'line 4: unknown issuer "uk.nowhere"\n',
    );
    const real = await cli(['admin', 'passport', 'import', 'mixed.csv', '--data-dir', dir]);
    expect(real.code).toBe(1);
    expect(real.out.split('\n')[0]).toBe('imported 1, already present 0, refused 2');
  });

  it('refuses a missing file in one line with exit 2', { timeout: 60_000 }, async () => {
    const missing = await cli(['admin', 'passport', 'import', 'nope.csv', '--data-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('carers-passport admin: cannot read nope.csv: ENOENT\n');
  });
});
