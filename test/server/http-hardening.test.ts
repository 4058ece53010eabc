// The service as an attacker and a careless client meet it: malformed targets, 10,000 random requests, slow
// clients, failing handlers, and the headers every answer carries. Every request gets an HTTP answer and the service
// stays up.

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { WELL_KNOWN_PATH as WELL_KNOWN } from '../../src/core/index.ts';
import { HEAD_CAMERA_SCRIPT } from '../../src/app/head-camera.ts';
import { startService } from '../../src/server/service.ts';
import { openTestDatabase } from './support/backends.ts';
import { ADMIN_PASSWORD, adminHeaders, makeTestKeys, startTestService, type TestService } from './support/test-service.ts';

/** Sends raw bytes and resolves with what came back before the server closed or 3 s passed. */
function rawRequest(port: number, bytes: string | Buffer, waitMs = 3_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // one answer is enough: a keep-alive connection would otherwise wait for the timer
      if (/\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1'))) setTimeout(done, 20);
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('malformed requests and a fuzz of 10,000 (PGlite)', () => {
  let t: TestService;
  let port: number;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cp-dist-'));
    writeFileSync(join(dist, 'index.html'), `<!doctype html><head><script>${HEAD_CAMERA_SCRIPT}</script><title>app</title>`);
    t = await startTestService({ name: 'PGlite' }, { staticDir: dist });
    port = portOf(t);
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([['//['], ['/%zz'], ['http://%zz/'], ['/admin/api/passports/%E0%A4%A/X/revoke'], ['/.well-known/carers-passport/status/%ff/1']])(
    'answers the target %s with an HTTP status and stays up',
    async (target) => {
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(answer)).toBeGreaterThanOrEqual(400);
      expect(statusOf(answer)).toBeLessThan(500);
      expect((await fetch(`${t.url}${WELL_KNOWN}/roots.json`)).status).toBe(200);
    },
  );

  it('answers 10,000 random and malformed requests without a 5xx or a stop, then serves a good request', async () => {
    const random = seeded(20261129);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const junk = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'BREW', 'G\x00T', '', 'GET GET'];
    const paths = [
      '/', '/v1/enrol', '/v1/redemptions', '/v1/profile', '/admin', '/admin/api/passports', '/admin/api/passports/a/B/revoke',
      `${WELL_KNOWN}/status/x/1`, `${WELL_KNOWN}/trust-bundle.jwt`, '/v1/reports/x', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
      '//[', '/%zz', '*', 'http://%zz/', '/a?'.padEnd(3000, 'q'), '/\u00e9\u4e2d', '/admin?q=%', '/%00', '/v1/redemptions?format=csv',
    ];
    const bodies = ['', '{', 'null', '[]', '{"records": "all"}', '{"records": [null, 1, {"id": 5}]}', '{"code": 7}', '\u0000\u0001', '{"__proto__": {"x": 1}}', '{"records": ['.repeat(50)];
    const headerLines = [
      'Content-Type: application/json', 'Content-Type: text/plain', 'Content-Type: application/json; charset=utf-16', 'Content-Length: 99999999999',
      'Content-Length: -1', 'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip, chunked', 'Authorization: Bearer ' + 'A'.repeat(600),
      'Authorization: Basic !!!', `Authorization: Basic ${Buffer.from('x:y').toString('base64')}`, 'Origin: https://evil.example',
      'X-Forwarded-For: 1.2.3.4', 'If-None-Match: *', 'Accept-Encoding: br, gzip', 'Host: ', 'Expect: 100-continue', 'Bad Header Line', 'Content-Encoding: gzip',
    ];
    const make = (): Buffer => {
      const kind = random();
      if (kind < 0.1) return junk(1 + Math.floor(random() * 400)); // not HTTP at all
      const method = pick(methods);
      const version = random() < 0.9 ? 'HTTP/1.1' : pick(['HTTP/1.0', 'HTTP/9.9', 'HTTP/1', '']);
      const headers = ['Host: 127.0.0.1', 'Connection: close'];
      for (let i = Math.floor(random() * 4); i > 0; i--) headers.push(pick(headerLines));
      let body = pick(bodies);
      if (random() < 0.1) body = junk(Math.floor(random() * 300)).toString('latin1');
      if (!headers.some((h) => h.startsWith('Content-Length') || h.startsWith('Transfer-Encoding')) && body) headers.push(`Content-Length: ${Buffer.byteLength(body, 'latin1')}`);
      return Buffer.from(`${method} ${pick(paths)} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'latin1');
    };
    const statuses = new Map<number, number>();
    const total = 10_000;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        const status = statusOf(await rawRequest(port, make(), 2_000));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    expect(serverErrors).toBe(0);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(total);
    // most got an answer: those without one are what Node itself drops (bytes that are not HTTP at all)
    expect(total - (statuses.get(0) ?? 0)).toBeGreaterThan(total * 0.8);
    t.clock.now += 3_600; // the fuzz sent wrong passwords too: let the login limits refill
    const good = await fetch(`${t.url}/admin/api/issuers`, { headers: adminHeaders() });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { issuers: unknown[] }).issuers).toHaveLength(2);
  }, 120_000);

  it('names the refused field of a body, a parameter or a query in a problem+json answer', async () => {
    const enrol = await fetch(`${t.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 7 }) });
    const body = await enrol.clone().text();
    expect(enrol.status, body).toBe(400);
    expect(enrol.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(enrol.headers.get('x-content-type-options')).toBe('nosniff');
    expect(JSON.parse(body), body).toMatchObject({ status: 400, error: 'bad-request', field: 'code' });
    const missing = await fetch(`${t.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await missing.json()).toMatchObject({ field: 'code', message: expect.stringMatching(/"code" is missing/) });
    const param = await fetch(`${t.url}/admin/api/passports/uk.test.vasl/lower-case/revoke`, { method: 'POST', headers: adminHeaders({ 'content-type': 'application/json' }), body: '{}' });
    expect(param.status).toBe(400);
    expect(await param.json()).toMatchObject({ field: 'jti' });
    const query = await fetch(`${t.url}/v1/reports/carers-reached?format=xml`, { headers: adminHeaders() });
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ field: 'format' });
  });
});

describe('headers', () => {
  let t: TestService;
  let https: TestService;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'cp-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), `<!doctype html><head><script>${HEAD_CAMERA_SCRIPT}</script><title>app</title>`);
    writeFileSync(join(dist, 'assets', 'main-AbC123xy.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'main-AbC123xy.js.map'), '{"sources":["secret.ts"]}');
    writeFileSync(join(dist, 'decoder.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(dist, '..', 'cp-secret.txt'), 'secret');
    t = await startTestService({ name: 'PGlite' }, { staticDir: dist });
    https = await startTestService({ name: 'PGlite' }, { publicUrl: 'https://passport.example.org' });
  });
  afterAll(async () => {
    await t?.stop();
    await https?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('gives the app shell a CSP that allows its scripts, worker and decoder and nothing else, never framed', async () => {
    const shell = await fetch(`${t.url}/`);
    expect(shell.status).toBe(200);
    const csp = shell.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // the page's one inline script (the head camera request) by its hash, and no other inline script
    const hash = createHash('sha256').update(HEAD_CAMERA_SCRIPT).digest('base64');
    expect(csp).toMatch(new RegExp(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`));
    expect(csp.split(';').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(shell.headers.get('x-frame-options')).toBe('DENY');
    expect(shell.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shell.headers.get('permissions-policy')).toContain('camera=(self)');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(shell.headers.get('strict-transport-security')).toBeNull(); // plain http: no HSTS
  });

  it('serves hashed assets for good, the app routes as the shell, and never source maps or files outside dist', async () => {
    const js = await fetch(`${t.url}/assets/main-AbC123xy.js`);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${t.url}/decoder.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect(await (await fetch(`${t.url}/settings/sync`)).text()).toContain('<title>app</title>');
    expect((await fetch(`${t.url}/assets/main-AbC123xy.js.map`)).status).toBe(404);
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
    for (const escape of ['/../cp-secret.txt', '/%2e%2e/cp-secret.txt']) {
      const answer = await rawRequest(portOf(t), `GET ${escape} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer).not.toContain('secret');
    }
    // the API and admin paths are never answered with the app shell
    expect((await fetch(`${t.url}/v1/nothing`)).status).toBe(404);
    expect((await fetch(`${t.url}/admin/nothing`)).status).toBe(404);
  });

  it('keeps admin and device answers out of every cache, and frames nothing', async () => {
    const page = await fetch(`${t.url}/admin/classic?q=Amara`, { headers: adminHeaders() });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
    expect((await fetch(`${t.url}/admin/api/passports`, { headers: adminHeaders() })).headers.get('cache-control')).toBe('no-store');
    // the router decodes the path: an encoded one is the same page, and just as private
    const encoded = await fetch(`${t.url}/%61dmin/api/passports`, { headers: adminHeaders() });
    expect(encoded.status).toBe(200);
    expect(encoded.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${t.url}/admin/classic`)).headers.get('cache-control')).toBe('no-store'); // the 401 too
    expect((await fetch(`${t.url}/v1/profile`)).headers.get('cache-control')).toBe('no-store');
    // published data stays cacheable and readable from any page
    const roots = await fetch(`${t.url}${WELL_KNOWN}/roots.json`);
    expect(roots.headers.get('cache-control')).toMatch(/^public/);
    expect(roots.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends HSTS when the service is reached over https', async () => {
    const answer = await fetch(`${https.service.localUrl}${WELL_KNOWN}/roots.json`);
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });
});

describe('start, stop and failures', () => {
  it('answers 503 with Retry-After while it starts, then serves', async () => {
    const port = await freePort();
    const database = await openTestDatabase({ name: 'PGlite' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Database = { ...database.db, query: async (sql, params) => (await gate, database.db.query(sql, params)), transaction: async (work) => (await gate, database.db.transaction(work)) };
    const starting = startService({ db: slow, adminPassword: ADMIN_PASSWORD, keys: await makeTestKeys(), port, refreshEveryMs: 0 });
    try {
      let early: Response | undefined;
      for (let i = 0; i < 50 && !early; i++) {
        early = await fetch(`http://127.0.0.1:${port}${WELL_KNOWN}/roots.json`).catch(() => undefined);
        if (!early) await new Promise((r) => setTimeout(r, 20));
      }
      expect(early?.status).toBe(503);
      expect(early?.headers.get('retry-after')).toBe('2');
      release();
      const service = await starting;
      expect((await fetch(`${service.url}${WELL_KNOWN}/roots.json`)).status).toBe(200);
      await service.close();
    } finally {
      release();
      await database.dispose();
    }
  });

  it('answers 500 when a handler fails, logs no message text, and stays up', async () => {
    const database = await openTestDatabase({ name: 'PGlite' });
    let failing = false;
    const flaky: Database = {
      ...database.db,
      query: async (sql, params) => {
        if (failing) throw Object.assign(new Error('duplicate key value (jti)=(SECRET-NAME)'), { code: '23505' });
        return database.db.query(sql, params);
      },
    };
    const logs: string[] = [];
    const service = await startService({ db: flaky, adminPassword: ADMIN_PASSWORD, keys: await makeTestKeys(), refreshEveryMs: 0, log: (line) => logs.push(line) });
    try {
      failing = true;
      const broken = await fetch(`${service.url}${WELL_KNOWN}/roots.json`);
      expect(broken.status).toBe(500);
      expect(await broken.json()).toMatchObject({ error: 'internal' });
      failing = false;
      expect((await fetch(`${service.url}${WELL_KNOWN}/roots.json`)).status).toBe(200);
      expect(logs.join('')).toContain('23505');
      expect(logs.join('')).not.toContain('SECRET-NAME');
    } finally {
      await service.close();
      await database.dispose();
    }
  });

  it('cuts a client that sends its headers too slowly', async () => {
    const t = await startTestService({ name: 'PGlite' }, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(portOf(t), '127.0.0.1');
        let text = '';
        socket.on('data', (d) => (text += d.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
        socket.write('GET / HTTP/1.1\r\nHost: x\r\n'); // and never the blank line
        setTimeout(() => socket.destroy(), 8_000);
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(statusOf(answer)).toBe(408);
    } finally {
      await t.stop();
    }
  });
});

function portOf(t: TestService): number {
  return Number(new URL(t.service.localUrl).port);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A small seeded generator, so a failing fuzz run can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
