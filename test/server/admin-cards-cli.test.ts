// `carers-passport admin passport cards|card` on the service's embedded database: a postal run of the days' passports
// and one passport's card, as the admin API makes them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { pageSizes, pdfText, renderPage } from '../cards/support.ts';
import { T0 } from './support/test-service.ts';

const ID1 = '242.65 x 153.07';
const A4 = '595.28 x 841.89';

type Run = { code: number; out: string; err: string; files: Map<string, { data: string | Uint8Array; mode?: number }> };

async function cli(args: string[], now = T0): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, { data: string | Uint8Array; mode?: number }>();
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
    cwd: '/',
    readText: async (path) => {
      throw Object.assign(new Error(path), { code: 'ENOENT' });
    },
    writeFile: async (path, data, options) => void files.set(path, { data, ...(options?.mode === undefined ? {} : { mode: options.mode }) }),
    exists: async (path) => files.has(path),
    besideFile: (_file, path) => path,
    now: () => now,
  };
  const code = await main(args, io);
  return { code, out: out.join(''), err: err.join(''), files };
}

describe('carers-passport admin passport cards (embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cp-admin-cards-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a postal run of the passports issued that day, and one card, written readable by the user only', { timeout: 120_000 }, async () => {
    const later = T0 + 5 * 86_400; // a day of their own, after the demo's seeded passports
    const day = new Date(later * 1000).toISOString().slice(0, 10);
    for (const [jti, name] of [['LLR-9100', 'Ada Lovelace'], ['LLR-9101', 'Mary Seacole']]) {
      const issued = await cli(['admin', 'passport', 'issue', '--data-dir', dir, '--iss', 'uk.llr.vasl', '--cat', 'adult', '--name', name!, '--jti', jti!], later);
      expect(issued.code).toBe(0);
    }
    const run = await cli(['admin', 'passport', 'cards', '--data-dir', dir, '--from', day, '--to', day, '--out', 'run.pdf'], later + 3600);
    expect(run.err).toBe('2 cards with their letters\n');
    expect(run.code).toBe(0);
    const file = run.files.get('run.pdf')!;
    expect(file.mode).toBe(0o600);
    const pdf = file.data as Uint8Array;
    expect(await pageSizes(pdf)).toEqual([ID1, ID1, A4, ID1, ID1, A4]);
    const letter = (await pdfText(pdf, 3)).replace(/\s+/g, ' ');
    expect(letter).toMatch(/Dear (Ada Lovelace|Mary Seacole),/);
    const [link] = await decodeQr(pngPixels(await renderPage(pdf, 3, 150)));
    expect(link!.text).toMatch(/\/card\/#code=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(letter).toContain(link!.text.split('code=')[1]);

    const one = await cli(['admin', 'passport', 'card', 'uk.llr.vasl', 'LLR-9100', '--data-dir', dir, '--out', 'card.pdf', '--layout', 'a4'], later + 3600);
    expect(one.code).toBe(0);
    expect(await pageSizes(one.files.get('card.pdf')!.data as Uint8Array)).toEqual([A4, A4]);

    await cli(['admin', 'passport', 'revoke', 'uk.llr.vasl', 'LLR-9100', '--data-dir', dir], later + 3600);
    const refused = await cli(['admin', 'passport', 'card', 'uk.llr.vasl', 'LLR-9100', '--data-dir', dir, '--out', 'card.pdf'], later + 3600);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/was cancelled: a card for it must not be printed/);
    const none = await cli(['admin', 'passport', 'cards', '--data-dir', dir, '--from', '2020-01-01', '--to', '2020-01-01', '--out', 'x.pdf'], later + 3600);
    expect(none.code).toBe(2);
  });
});
