// The core in a real browser: Chromium's DecompressionStream rejects trailing bytes where Node's ignores them
// (toolchain.md), so inflateZlib is proven here too, and one whole verifyPassport round trip runs in the page.

import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateZlib, jwsToQrText, packStatuses } from '../../src/core/index.ts';
import { NOW, makeScheme, passportClaims, passportJws, statusListJwt, statusesWith, type Scheme } from '../core/support/scheme.ts';
import { launchChromium } from './support/chromium.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BLANK = '/__core-in-chromium';

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    cacheDir: `${ROOT}node_modules/.vite-core-in-chromium`,
    server: { port: 0, host: '127.0.0.1', hmr: false, ws: false },
    // jose and @noble/curves are bundled up front, so no mid-test "new dependencies, reload" can happen
    optimizeDeps: { include: ['jose', '@noble/curves/ed25519.js'], noDiscovery: true },
    plugins: [
      {
        name: 'blank-page',
        configureServer(dev) {
          dev.middlewares.use(BLANK, (_req, res) => {
            res.setHeader('content-type', 'text/html');
            res.end('<!doctype html><title>core in chromium</title>');
          });
        },
      },
    ],
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}${BLANK}`);
  // a string, so vitest's transform cannot rewrite this import(): the page itself imports the modules from Vite
  await page.evaluate(`Promise.all([import('/src/core/inflate.ts'), import('/src/core/index.ts')])
    .then(([inflate, core]) => { globalThis.cpInflate = inflate; globalThis.cpCore = core; })`);
});

type PageGlobals = { cpInflate: typeof import('../../src/core/inflate.ts'); cpCore: typeof import('../../src/core/index.ts') };

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type InflateResult = { ok: true; length: number; head: number[] } | { ok: false; problem: string; ms: number };

/** Runs src/core/inflate.ts's inflateZlib in the page on the given bytes. */
function inflateInPage(bytes: Uint8Array, maxBytes: number): Promise<InflateResult & { ms: number }> {
  return page.evaluate(
    async ({ data, max }) => {
      const { inflateZlib } = (globalThis as unknown as PageGlobals).cpInflate;
      const started = performance.now();
      const result = await inflateZlib(Uint8Array.from(data), max);
      const ms = performance.now() - started;
      return result.ok
        ? { ok: true as const, length: result.bytes.length, head: Array.from(result.bytes.subarray(0, 4)), ms }
        : { ok: false as const, problem: result.problem, ms };
    },
    { data: Array.from(bytes), max: maxBytes },
  );
}

/** Deterministic bytes that do not compress (a tiny xorshift), so compressed sizes are predictable run to run. */
function seededBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('inflateZlib in Chromium', () => {
  const MiB = 1024 * 1024;

  it('inflates a good stream (the IETF example bytes)', async () => {
    const result = await inflateInPage(Buffer.from('eNrbuRgAAhcBXQ', 'base64url'), 16 * MiB);
    expect(result).toMatchObject({ ok: true, length: 2, head: [0xb9, 0xa3] });
  });

  it('rejects a stream with trailing bytes', async () => {
    const good = await deflateZlib(packStatuses(statusesWith(4096, { 5: 1 }), 1));
    expect(await inflateInPage(Uint8Array.from([...good, 0]), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
    expect(await inflateInPage(Uint8Array.from([...good, ...good]), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
  });

  it('rejects trailing bytes that arrive in a later 1 KiB slice than the end of the stream', async () => {
    // random bytes barely compress: find a length whose stream is exactly 1,024 bytes, so the extra byte is sliced apart
    let stream: Uint8Array = new Uint8Array(0);
    for (let n = 990; stream.length !== 1024 && n < 1100; n++) stream = await deflateZlib(seededBytes(n));
    expect(stream.length).toBe(1024);
    expect(await inflateInPage(stream, 16 * MiB)).toMatchObject({ ok: true });
    expect(await inflateInPage(Uint8Array.from([...stream, 0]), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
  });

  it('rejects a truncated stream', async () => {
    const good = await deflateZlib(packStatuses(statusesWith(4096, { 5: 1 }), 1));
    expect(await inflateInPage(good.subarray(0, good.length - 1), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
    expect(await inflateInPage(good.subarray(0, 2), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
    expect(await inflateInPage(new Uint8Array(0), 16 * MiB)).toMatchObject({ ok: false, problem: 'not-one-zlib-stream' });
  });

  it('stops a decompression bomb (20 MiB of zeros) quickly', async () => {
    const bomb = await deflateZlib(new Uint8Array(20 * MiB));
    const result = await inflateInPage(bomb, 16 * MiB);
    console.info(`chromium bomb: ${bomb.length} bytes compressed, stopped in ${result.ms.toFixed(0)} ms`);
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    expect(result.ms).toBeLessThan(2_000);
  });

  it('accepts exactly 16 MiB and refuses one byte more', async () => {
    const result = await inflateInPage(await deflateZlib(new Uint8Array(16 * MiB)), 16 * MiB);
    expect(result).toMatchObject({ ok: true, length: 16 * MiB });
    expect(await inflateInPage(await deflateZlib(new Uint8Array(16 * MiB + 1)), 16 * MiB)).toMatchObject({ ok: false, problem: 'too-large' });
  });
});

describe('verifyPassport in Chromium', () => {
  let scheme: Scheme;
  beforeAll(async () => {
    scheme = await makeScheme();
  });

  it.each(['es', 'ed'] as const)('a %s passport round-trips: VALID, and REVOKED by its list', async (which) => {
    const issuer = scheme[which];
    const good = jwsToQrText(await passportJws(issuer));
    const revokedPassport = jwsToQrText(await passportJws(issuer, passportClaims(issuer, { jti: 'CP-9', status: { status_list: { idx: 9, uri: issuer.listUri } } })));
    const list = await statusListJwt(issuer, { statuses: statusesWith(131_072, { 9: 1 }) });
    const verdicts = await page.evaluate(
      async ({ rootJwk, bundleJwt, lists, texts, now }) => {
        const core = (globalThis as unknown as PageGlobals).cpCore;
        const root = await core.pinRoot(rootJwk);
        if (!root) return ['root did not pin'];
        const loaded = await core.loadTrustBundle(bundleJwt, { roots: [root] });
        if (!loaded.ok) return [`bundle rejected: ${loaded.reason}`];
        const state = await core.buildTrustState(loaded.bundle, lists);
        const out = [];
        for (const text of texts) out.push(await core.verifyPassport(`${text}\r\n`, { bundle: loaded.bundle, statusLists: state.statusLists, now }));
        return out;
      },
      { rootJwk: scheme.root.publicJwk, bundleJwt: scheme.bundleJwt, lists: [list], texts: [good, revokedPassport], now: NOW },
    );
    expect(verdicts).toEqual([
      { result: 'valid', code: 'VALID', passport: expect.objectContaining({ iss: issuer.iss, issuer: issuer.name, jti: 'CP-000123' }) },
      { result: 'invalid', code: 'REVOKED' },
    ]);
  });
});
