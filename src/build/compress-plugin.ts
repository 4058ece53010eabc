// Brotli and gzip copies of the built text assets, written beside them (`x.js.br`, `x.js.gz`) once the build and the
// service worker are on disk; the scheme service sends them through @fastify/static's `preCompressed` (issue 13).
// The .wasm gets a brotli copy only: it is already dense, gzip adds little, and one copy is enough to ship.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; what is already compressed (png, ico) is left alone. */
const TEXT = /\.(js|mjs|css|html|json|svg|webmanifest|jwt|txt)$/;
const WASM = /\.wasm$/;

export type Compressed = { file: string; encoding: 'br' | 'gzip'; bytes: number; of: number };

/** Writes `.br` (and for text `.gz`) beside every asset under `dir` where it is smaller; returns what it wrote. */
export async function compressAssets(dir: string): Promise<Compressed[]> {
  const written: Compressed[] = [];
  for (const file of await listFiles(dir)) {
    const text = TEXT.test(file);
    if (!text && !WASM.test(file)) continue;
    const original = await readFile(file);
    const copies: [Compressed['encoding'], Buffer][] = [
      [
        'br',
        brotliCompressSync(original, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
            [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
          },
        }),
      ],
    ];
    if (text) copies.push(['gzip', gzipSync(original, { level: 9 })]);
    for (const [encoding, bytes] of copies) {
      if (bytes.length >= original.length) continue; // a copy no smaller is only a second file to keep in step
      await writeFile(`${file}${encoding === 'br' ? '.br' : '.gz'}`, bytes);
      written.push({ file, encoding, bytes: bytes.length, of: original.length });
    }
  }
  return written;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve([path]);
    }),
  );
  return nested.flat();
}

/** Runs last, after vite-plugin-pwa has written sw.js, so the service worker is compressed too. */
export function compressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'carers-passport:compress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        // the service worker's own build runs this hook too, before the app's output is complete: wait for index.html
        if (!(await stat(join(outDir, 'index.html')).catch(() => undefined))) return;
        await compressAssets(outDir);
      },
    },
  };
}
