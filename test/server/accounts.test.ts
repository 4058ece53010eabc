// Named accounts and their rights (issue 10, point 2): issuer staff, partner managers and coordinators; logins with
// a session cookie and its CSRF token; sessions that end after 30 idle minutes; API tokens; changing a password.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/accounts/account-store.ts';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, partnerProfile } from './support/scheme-fixtures.ts';
import { ADMIN_PASSWORD, adminCall, startTestService, type TestService } from './support/test-service.ts';

type Login = { cookie: string; csrf: string };
const PASSWORD = 'a long enough password';

describe.each(BACKENDS)('accounts and rights ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend, { adminLoginLimit: { capacity: 3, refillPerSecond: 0.1 } });
    await createPartner(t.url, 'corner-shop');
    await createPartner(t.url, 'other-shop');
    for (const account of [
      { name: 'vasl-staff', role: 'issuer' as const, iss: 'uk.test.vasl' },
      { name: 'shop-manager', role: 'partner' as const, partnerId: 'corner-shop' },
    ]) {
      const added = await addAccount(t.service.ctx, { ...account, password: PASSWORD }, 'test');
      expect(added.ok).toBe(true);
    }
  });
  afterAll(() => t?.stop());

  const login = async (name: string, password: string): Promise<Response> =>
    fetch(`${t.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name, password }).toString(),
    });
  const loggedIn = async (name: string, password = PASSWORD): Promise<Login> => {
    const res = await login(name, password);
    expect(res.status, await res.clone().text()).toBe(303);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const page = await (await fetch(`${t.url}/admin/classic`, { headers: { cookie } })).text();
    return { cookie, csrf: /<meta name="csrf-token" content="([^"]+)">/.exec(page)![1]! };
  };
  const as = async (who: Login, method: string, path: string, body?: unknown, csrf = who.csrf) => {
    const res = await fetch(`${t.url}${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrf }) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    return { status: res.status, data: (await res.json().catch(() => undefined)) as any };
  };
  const auditOf = async (actor: string) =>
    t.service.ctx.db.query<{ action: string; iss: string | null; jti: string | null; partnerId: string | null }>(
      `SELECT action, iss, jti, partner_id AS "partnerId" FROM audit_log WHERE actor = $1 ORDER BY id`,
      [actor],
    );

  it('the first coordinator comes from ADMIN_PASSWORD, and logs in with it; the cookie is HttpOnly and SameSite=Strict', async () => {
    const res = await login('coordinator', ADMIN_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/classic');
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split('; Path=')[1]!.split(';')[0])).toEqual(['/admin', '/v1/reports']);
    for (const c of cookies) expect(c).toMatch(/^cp_session=[A-Za-z0-9_-]{43}; Path=\S+; HttpOnly; SameSite=Strict$/);
    const made = await t.service.ctx.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'account.add' AND detail->>'account' = 'coordinator'`);
    expect(made).toEqual([{ actor: 'startup:ADMIN_PASSWORD' }]);
  });

  it('issuer staff work on their own issuer\'s passports only: another issuer\'s is 403, audited with their name', async () => {
    const staff = await loggedIn('vasl-staff');
    const own = await as(staff, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Own Carer' });
    expect(own.status).toBe(201);
    const other = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.young', cat: 'young', name: 'Other Carer' });
    const jti = other.data.passport.jti as string;

    const revoke = await as(staff, 'POST', `/admin/api/passports/uk.test.young/${jti}/revoke`);
    expect(revoke.status).toBe(403);
    expect(revoke.data).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/uk\.test\.vasl only, not uk\.test\.young/) });
    expect((await as(staff, 'POST', '/admin/api/passports', { iss: 'uk.test.young', cat: 'young', name: 'X' })).status).toBe(403);
    expect((await as(staff, 'GET', `/admin/api/passports/uk.test.young/${jti}/card.pdf`)).status).toBe(403);
    expect((await adminCall(t.url, 'GET', `/admin/api/passports?q=${jti}`)).data.passports[0].status).toBe('valid');

    // lists show their own issuer's passports only
    const listed = await as(staff, 'GET', '/admin/api/passports');
    expect(listed.data.passports.length).toBeGreaterThan(0);
    expect(listed.data.passports.every((p: any) => p.iss === 'uk.test.vasl')).toBe(true);
    // devices and partners' changes are not theirs
    expect((await as(staff, 'GET', '/admin/api/devices')).status).toBe(403);

    const audit = await auditOf('account:vasl-staff');
    // (issuing made the phone copy's collection code too)
    expect(audit.map((a) => a.action)).toEqual(['account.login', 'passport.issue', 'card.code-created', 'access.refused', 'access.refused', 'access.refused', 'access.refused']);
    expect(audit[3]).toMatchObject({ iss: 'uk.test.young', jti });
  });

  it('a partner manager cannot issue, sees only its own partner\'s devices and reports, and edits only its own offers', async () => {
    await enrol(t.url, 'corner-shop');
    const foreignDevice = await enrol(t.url, 'other-shop');
    const manager = await loggedIn('shop-manager');
    expect((await as(manager, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'X' })).status).toBe(403);
    expect((await as(manager, 'GET', '/admin/api/passports')).status).toBe(403);

    const devices = await as(manager, 'GET', '/admin/api/devices');
    expect(devices.status).toBe(200);
    expect(devices.data.devices.length).toBe(1);
    expect(devices.data.devices.map((d: any) => d.partnerId)).toEqual(['corner-shop']);
    expect((await as(manager, 'POST', `/admin/api/devices/${foreignDevice.deviceId}/revoke`)).status).toBe(403);
    expect((await as(manager, 'POST', '/admin/api/partners/other-shop/enrolment-codes')).status).toBe(403);
    expect((await as(manager, 'POST', '/admin/api/partners/corner-shop/enrolment-codes')).status).toBe(201);
    expect((await as(manager, 'PUT', '/admin/api/partners/other-shop', partnerProfile('other-shop'))).status).toBe(403);
    expect((await as(manager, 'PUT', '/admin/api/partners/corner-shop', partnerProfile('corner-shop'))).status).toBe(200);

    // reports: the rows of its own partner only; the page shows no passports and no other partner's devices
    const byPartner = await as(manager, 'GET', '/v1/reports/redemptions-by-partner');
    expect(byPartner.status).toBe(200);
    expect(byPartner.data.rows.every((r: any) => r.partnerId === 'corner-shop')).toBe(true);
    const page = await (await fetch(`${t.url}/admin/classic`, { headers: { cookie: manager.cookie } })).text();
    expect(page).not.toContain('Issue a passport');
    expect(page).toContain('Remove device');
    expect(page).not.toContain(`<code>${foreignDevice.deviceId}</code>`);
    expect(page).toContain('partner manager of <code>corner-shop</code>');

    const refused = (await auditOf('account:shop-manager')).filter((a) => a.action === 'access.refused');
    expect(refused).toHaveLength(5);
    expect(refused.some((a) => a.partnerId === 'other-shop')).toBe(true);
  });

  it('refuses a change made with a session but without its CSRF token (403), and takes it with the token', async () => {
    const coordinator = await loggedIn('coordinator', ADMIN_PASSWORD);
    const body = { iss: 'uk.test.vasl', cat: 'adult', name: 'Csrf Carer' };
    expect((await as(coordinator, 'POST', '/admin/api/passports', body, '')).status).toBe(403);
    const wrong = await as(coordinator, 'POST', '/admin/api/passports', body, 'x'.repeat(32));
    expect(wrong).toMatchObject({ status: 403, data: { error: 'csrf' } });
    expect((await as(coordinator, 'POST', '/admin/api/passports', body)).status).toBe(201);
    // the logout form needs it too
    const logout = await fetch(`${t.url}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=nope' });
    expect(logout.status).toBe(403);
  });

  it('ends a session after 30 minutes without a request, and not before; logging out ends it at once', async () => {
    const staff = await loggedIn('vasl-staff');
    t.clock.now += 29 * 60;
    expect((await as(staff, 'GET', '/admin/api/passports')).status).toBe(200);
    t.clock.now += 29 * 60; // 58 minutes after login, 29 after the last request
    expect((await as(staff, 'GET', '/admin/api/passports')).status).toBe(200);
    t.clock.now += 30 * 60;
    expect((await as(staff, 'GET', '/admin/api/passports')).status).toBe(401);
    const page = await fetch(`${t.url}/admin/classic`, { headers: { cookie: staff.cookie }, redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/admin/login?out=idle']);

    const again = await loggedIn('vasl-staff');
    const out = await fetch(`${t.url}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: again.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${again.csrf}` });
    expect([out.status, out.headers.get('location')]).toEqual([303, '/admin/login?out=1']);
    expect(out.headers.getSetCookie()[0]).toMatch(/^cp_session=; Path=\/admin; .*Max-Age=0$/);
    expect((await as(again, 'GET', '/admin/api/passports')).status).toBe(401);
  });

  it('limits wrong passwords on the login form per client, with the same 429 for the right one while limited', async () => {
    t.clock.now += 3600;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('vasl-staff', `guess ${i} of many`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const right = await login('vasl-staff', PASSWORD);
    expect(right.status).toBe(429);
    expect(await right.text()).toMatch(/Too many wrong passwords\. Wait \d+ seconds/);
    t.clock.now += 3600;
    expect((await login('vasl-staff', PASSWORD)).status).toBe(303);
  });

  it('creates an API token shown once, which acts with the account\'s rights as Basic or Bearer until revoked', async () => {
    const staff = await loggedIn('vasl-staff');
    const created = await as(staff, 'POST', '/admin/api/tokens', { label: 'nightly import' });
    expect(created.status).toBe(201);
    const { id, secret, token } = created.data as { id: string; secret: string; token: string };
    expect(token).toBe(`${id}.${secret}`);
    const stored = await t.service.ctx.db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_tokens WHERE id = $1', [id]);
    expect(stored[0]!.secret_hash).not.toContain(secret);

    const bearer = { authorization: `Bearer ${token}` };
    const basic = { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` };
    for (const headers of [bearer, basic]) {
      expect((await fetch(`${t.url}/admin/api/passports`, { headers })).status).toBe(200);
      const refused = await fetch(`${t.url}/admin/api/passports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ iss: 'uk.test.young', cat: 'young', name: 'Y' }) });
      expect(refused.status).toBe(403);
    }
    const listed = await as(staff, 'GET', '/admin/api/tokens');
    expect(listed.data.tokens).toEqual([expect.objectContaining({ id, label: 'nightly import', revokedAt: null, lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed.data)).not.toContain(secret);

    expect((await as(staff, 'POST', `/admin/api/tokens/${id}/revoke`)).status).toBe(200);
    expect((await fetch(`${t.url}/admin/api/passports`, { headers: bearer })).status).toBe(401);
    const audit = (await auditOf('account:vasl-staff')).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
  });

  it('changes a password with the old one and the new one twice; other logins end', async () => {
    const first = await loggedIn('shop-manager');
    const second = await loggedIn('shop-manager');
    const change = (body: Record<string, string>) => as(first, 'POST', '/admin/api/account/password', body);
    const next = 'a brand new passphrase';
    expect((await change({ current: 'wrong wrong wrong', password: next, repeat: next })).data.error).toBe('wrong-password');
    expect((await change({ current: PASSWORD, password: 'short', repeat: 'short' })).data.error).toBe('weak-password');
    expect((await change({ current: PASSWORD, password: next, repeat: `${next}!` })).data.error).toBe('passwords-differ');
    expect((await change({ current: PASSWORD, password: next, repeat: next })).status).toBe(200);
    expect((await as(first, 'GET', '/admin/api/account')).data.account.name).toBe('shop-manager');
    expect((await as(second, 'GET', '/admin/api/account')).status).toBe(401);
    t.clock.now += 3600;
    expect((await login('shop-manager', PASSWORD)).status).toBe(401);
    expect((await login('shop-manager', next)).status).toBe(303);
  });
});

describe('the session cookie behind https', () => {
  it('is Secure when PUBLIC_URL is https', async () => {
    const t = await startTestService({ name: 'PGlite' }, { publicUrl: 'https://passport.example.org' });
    try {
      const res = await fetch(`${t.service.localUrl}/admin/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `name=coordinator&password=${encodeURIComponent(ADMIN_PASSWORD)}` });
      expect(res.status).toBe(303);
      for (const c of res.headers.getSetCookie()) expect(c).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await t.stop();
    }
  });
});
