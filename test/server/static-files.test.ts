// The service serves the built app: the right content types, the SPA fallback, nothing outside dist/.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/server/http/static-files.ts';

describe('static app files', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cp-dist-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'main-AbC123xy.js'), 'console.log(1)');
    writeFileSync(join(root, 'manifest.webmanifest'), '{}');
    writeFileSync(join(root, 'decoder.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(root, '..', 'cp-secret.txt'), 'secret');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves files with their types, hashed assets cached for good and the shell never cached', async () => {
    const js = await serveStatic(root, '/assets/main-AbC123xy.js');
    expect(js?.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    expect((await serveStatic(root, '/manifest.webmanifest'))?.headers?.['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect((await serveStatic(root, '/decoder.wasm'))?.headers?.['content-type']).toBe('application/wasm');
    expect((await serveStatic(root, '/'))?.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  });

  it("answers the app's own routes with index.html, but a missing file with nothing", async () => {
    const route = await serveStatic(root, '/settings/sync');
    expect(Buffer.from(route!.body as Uint8Array).toString()).toContain('<title>app</title>');
    expect(await serveStatic(root, '/assets/missing.js')).toBeUndefined();
  });

  it('never serves a file outside its folder', async () => {
    expect(await serveStatic(root, '/../cp-secret.txt')).toBeUndefined();
    expect(await serveStatic(root, '/%2e%2e/cp-secret.txt')).toBeUndefined();
  });
});
