// The service serves the carer's page from dist/card/: /card redirects to /card/, any path under it opens the card
// page (never the staff app), and its worker and manifest are revalidated on every visit.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/test-service.ts';

let t: TestService;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'cp-dist-'));
  mkdirSync(join(dist, 'card'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>staff app</title>');
  writeFileSync(join(dist, 'card', 'index.html'), '<!doctype html><title>My Carers Passport</title>');
  writeFileSync(join(dist, 'card', 'sw.js'), 'self;');
  writeFileSync(join(dist, 'card', 'manifest.webmanifest'), '{}');
  t = await startTestService({ name: 'PGlite' }, { staticDir: dist });
});
afterAll(async () => {
  await t?.stop();
  rmSync(dist, { recursive: true, force: true });
});

it('redirects /card to /card/ and opens the card page there and under it', async () => {
  const bare = await fetch(`${t.url}/card`, { redirect: 'manual' });
  expect(bare.status).toBe(301);
  expect(bare.headers.get('location')).toBe('/card/');
  for (const path of ['/card/', '/card/offers', '/card/some/deep/path']) {
    const res = await fetch(`${t.url}${path}`);
    expect(res.status, path).toBe(200);
    expect(await res.text(), path).toContain('My Carers Passport');
    expect(res.headers.get('cache-control'), path).toBe('no-cache');
  }
  // the staff app's own deep links still open the staff app
  expect(await (await fetch(`${t.url}/history`)).text()).toContain('staff app');
});

it('has the page\'s worker and manifest revalidated on every visit, and a missing file under /card/ is a 404', async () => {
  for (const path of ['/card/sw.js', '/card/manifest.webmanifest']) {
    const res = await fetch(`${t.url}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('cache-control'), path).toBe('no-cache');
  }
  expect((await fetch(`${t.url}/card/missing.js`)).status).toBe(404);
});
