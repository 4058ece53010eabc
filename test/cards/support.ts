// Poppler (Debian's poppler-utils, installed by `npm test`) as a reader would use it: page sizes, text, and pixels.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-pdf-'));
  const path = join(dir, 'in.pdf');
  await writeFile(path, pdf);
  return use(path, dir);
}

/** Each page's size in points, as pdfinfo prints it (two decimals). */
export function pageSizes(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', path]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Number(m[1]).toFixed(2)} x ${Number(m[2]).toFixed(2)}`);
  });
}

/** The text pdftotext extracts, with bidi embedding marks taken out. */
export function pdfText(pdf: Uint8Array, page?: number): Promise<string> {
  return withFile(pdf, async (path) => {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  });
}

/** One page rasterised by pdftoppm at `dpi`, as PNG bytes. */
export function renderPage(pdf: Uint8Array, page: number, dpi: number): Promise<Uint8Array> {
  return withFile(pdf, async (path, dir) => {
    await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', path, join(dir, 'page')]);
    return new Uint8Array(await readFile(join(dir, 'page.png')));
  });
}
