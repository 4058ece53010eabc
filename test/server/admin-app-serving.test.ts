// The admin UI's door on the service (issue 10, point 7): /admin leads to /admin/, which opens dist/admin/ under a
// strict CSP; the classic page moved to /admin/classic; the UI logs in with JSON (the same session cookie as the
// form), reads its CSRF token from GET /admin/api/account, and logs out with JSON.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { adminHeaders, startTestService, type TestService } from './support/test-service.ts';

const PASSWORD = 'a long enough password';
let t: TestService;
let dist: string;

const jsonLogin = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'cp-dist-'));
  mkdirSync(join(dist, 'admin'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>staff app</title>');
  writeFileSync(join(dist, 'admin', 'index.html'), '<!doctype html><title>Carers Passport: scheme admin</title>');
  t = await startTestService({ name: 'PGlite' }, { staticDir: dist, adminLoginLimit: { capacity: 4, refillPerSecond: 0.01 } });
  const added = await addAccount(t.service.ctx, { name: 'vasl-staff', role: 'issuer', iss: 'uk.test.vasl', password: PASSWORD }, 'test');
  expect(added.ok).toBe(true);
});
afterAll(async () => {
  await t?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the admin UI', () => {
  it('sends /admin to /admin/, and /admin/ opens the admin page under a CSP without inline script or style', async () => {
    const bare = await fetch(`${t.url}/admin`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, '/admin/']);
    const page = await fetch(`${t.url}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('scheme admin');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('wasm-unsafe-eval');
    const file = await fetch(`${t.url}/admin/index.html`, { redirect: 'manual' });
    expect([file.status, file.headers.get('location')]).toEqual([302, '/admin/']);
  });

  it('keeps the classic page at /admin/classic, behind the login', async () => {
    const page = await fetch(`${t.url}/admin/classic`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/admin/login']);
  });
});

describe('logging in from the admin UI', () => {
  it('refuses a wrong password with the service\'s words and the field, and an empty name', async () => {
    const wrong = await jsonLogin({ name: 'vasl-staff', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'wrong-password', field: 'password', message: expect.stringMatching(/not right/) });
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const empty = await jsonLogin({ name: '', password: 'x' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ field: 'name', message: 'Enter your account name and your password.' });
  });

  it('refuses a login posted as a form or from another site', async () => {
    const form = await fetch(`${t.url}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `name=vasl-staff&password=${PASSWORD}` });
    expect(form.status).toBe(415);
    expect((await jsonLogin({ name: 'vasl-staff', password: PASSWORD }, { origin: 'https://evil.example' })).status).toBe(415);
  });

  it('logs in with JSON: the session cookie (HttpOnly, SameSite=Strict, Path=/admin), the account and its CSRF token; logs out with JSON', async () => {
    const res = await jsonLogin({ name: 'vasl-staff', password: PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { account: Record<string, unknown>; csrf: string };
    expect(body.account).toEqual({ name: 'vasl-staff', role: 'issuer', iss: 'uk.test.vasl', partnerId: null, disabled: false });
    expect(body.csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const cookies = res.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^cp_session=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict$/);
    const cookie = cookies[0]!.split(';')[0]!;

    const account = await (await fetch(`${t.url}/admin/api/account`, { headers: { cookie } })).json();
    expect(account).toMatchObject({ via: 'session', csrf: body.csrf, account: { name: 'vasl-staff' }, demo: false, mail: false });
    const audit = await t.service.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE actor = 'account:vasl-staff' ORDER BY id`);
    expect(audit.map((a) => a.action)).toContain('account.login');

    // a change needs the token; logging out is a change
    const noToken = await fetch(`${t.url}/admin/api/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    const out = await fetch(`${t.url}/admin/api/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': body.csrf }, body: '{}' });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^cp_session=; Path=\/admin; .*Max-Age=0$/);
    expect((await fetch(`${t.url}/admin/api/account`, { headers: { cookie } })).status).toBe(401);
  });

  it('a script with an API token gets its account but no CSRF token', async () => {
    const account = await (await fetch(`${t.url}/admin/api/account`, { headers: adminHeaders() })).json();
    expect(account.via).toBe('token');
    expect(account).not.toHaveProperty('csrf');
  });

  it('counts wrong passwords as the form does: limited with 429 and Retry-After, even for the right one', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) last = await jsonLogin({ name: 'vasl-staff', password: `wrong ${i}` });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await jsonLogin({ name: 'vasl-staff', password: PASSWORD })).status).toBe(429);
  });
});
