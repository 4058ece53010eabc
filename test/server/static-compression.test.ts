// Issue 13: the service sends the app's text assets compressed (brotli or gzip, made at build time by
// src/build/compress-plugin.ts), with the type of the file asked for, `Vary: Accept-Encoding`, and the same cache rules
// as the plain file; a client that asks for no encoding (or only gzip) still gets what it can read.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAssets } from '../../src/build/compress-plugin.ts';
import { startTestService, type TestService } from './support/test-service.ts';

const SCRIPT = `export const words = ${JSON.stringify('carers passport '.repeat(400))};\n`;
const WASM = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(20_000, 7)]);

let dist: string;
let t: TestService;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'cp-compressed-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>app</title><script type="module" src="/assets/index-AbCdEf12.js"></script>${' '.repeat(2000)}`);
  writeFileSync(join(dist, 'assets', 'index-AbCdEf12.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'reader-AbCdEf12.wasm'), WASM);
  writeFileSync(join(dist, 'assets', 'icon.png'), Buffer.alloc(5000, 1));
  await compressAssets(dist);
  t = await startTestService({ name: 'PGlite' }, { staticDir: dist });
});
afterAll(async () => {
  await t?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, encodings?: string) => fetch(`${t.url}${path}`, { headers: encodings === undefined ? {} : { 'accept-encoding': encodings } });

describe('compressed assets from the service', () => {
  it('answers a browser that accepts brotli with the brotli copy of a script, typed as JavaScript and cacheable for a year', async () => {
    const response = await get('/assets/index-AbCdEf12.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes it: the script arrives whole
    expect(await response.text()).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts only gzip, and the plain file to one that accepts nothing', async () => {
    const gzip = await get('/assets/index-AbCdEf12.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(SCRIPT);
    const plain = await get('/assets/index-AbCdEf12.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('keeps the shell revalidated: index.html compressed is still no-cache, at / and as a deep link', async () => {
    for (const path of ['/', '/index.html', '/history']) {
      const response = await get(path, 'br');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('sends the .wasm brotli-compressed as application/wasm (so it compiles while streaming), never gzipped a second way', async () => {
    const response = await get('/assets/reader-AbCdEf12.wasm', 'gzip, br');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(Buffer.from(await response.arrayBuffer()).equals(WASM)).toBe(true);
    const gzipOnly = await get('/assets/reader-AbCdEf12.wasm', 'gzip');
    expect(gzipOnly.headers.get('content-encoding')).toBeNull();
    expect(gzipOnly.headers.get('content-type')).toBe('application/wasm');
  });

  it('the copies the build writes are the files themselves once decoded; pictures get none', async () => {
    const written = await compressAssets(dist);
    const files = written.map((w) => `${w.file.slice(dist.length)}:${w.encoding}`).sort();
    expect(files).toEqual(['/assets/index-AbCdEf12.js:br', '/assets/index-AbCdEf12.js:gzip', '/assets/reader-AbCdEf12.wasm:br', '/index.html:br', '/index.html:gzip']);
    const { readFileSync } = await import('node:fs');
    expect(brotliDecompressSync(readFileSync(join(dist, 'assets', 'index-AbCdEf12.js.br'))).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(join(dist, 'assets', 'index-AbCdEf12.js.gz'))).toString()).toBe(SCRIPT);
  });
});
