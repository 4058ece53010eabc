// The coordinator's accounts through the admin JSON API (issue 10, point 2), as the admin UI calls it: add (a password
// shown once), disable and enable, reset a password (shown once, other logins end), each account's API tokens; other
// roles get 403 and an audit entry naming them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';
import { createPartner } from './support/scheme-fixtures.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('accounts through the admin API ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
    await createPartner(t.url, 'corner-shop');
  });
  afterAll(() => t?.stop());

  const login = (name: string, password: string) =>
    fetch(`${t.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name, password }).toString(),
    });
  const withToken = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    return { status: res.status, data: (await res.json().catch(() => undefined)) as any };
  };

  it('adds an account of each role with a generated password it can log in with, listed without any secret', async () => {
    const staff = await adminCall(t.url, 'POST', '/admin/api/accounts', { name: 'jo', role: 'issuer', iss: 'uk.test.vasl' });
    expect(staff.status).toBe(201);
    expect(staff.data.account).toEqual({ name: 'jo', role: 'issuer', iss: 'uk.test.vasl', partnerId: null, disabled: false });
    expect(staff.data.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await login('jo', staff.data.password)).status).toBe(303);

    const manager = await adminCall(t.url, 'POST', '/admin/api/accounts', { name: 'sam', role: 'partner', partnerId: 'corner-shop' });
    expect(manager.status).toBe(201);
    expect(manager.data.account).toMatchObject({ role: 'partner', partnerId: 'corner-shop' });

    const list = await adminCall(t.url, 'GET', '/admin/api/accounts');
    expect(list.data.accounts.map((a: { name: string }) => a.name)).toEqual(['coordinator', 'jo', 'sam']);
    expect(JSON.stringify(list.data)).not.toMatch(/password|hash/i);
    const audited = await t.service.ctx.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'account.add' AND detail->>'account' = 'jo'`);
    expect(audited).toEqual([{ actor: 'account:coordinator' }]);
  });

  it('refuses a bad account with plain words naming the field', async () => {
    const cases: [object, string, RegExp][] = [
      [{ name: 'no spaces please', role: 'coordinator' }, 'name', /letters, digits/],
      [{ name: 'ann', role: 'boss' }, 'role', /role must be one of coordinator, issuer, partner/],
      [{ name: 'ann', role: 'issuer' }, 'iss', /Issuer staff need an issuer/],
      [{ name: 'ann', role: 'issuer', iss: 'uk.nowhere' }, 'iss', /There is no issuer uk\.nowhere/],
      [{ name: 'ann', role: 'partner', partnerId: 'no-such-shop' }, 'partnerId', /There is no partner no-such-shop/],
      [{ name: 'JO', role: 'coordinator' }, 'name', /already an account named JO/],
    ];
    for (const [body, field, message] of cases) {
      const res = await adminCall(t.url, 'POST', '/admin/api/accounts', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data).toMatchObject({ field, message: expect.stringMatching(message) });
    }
  });

  it('disables an account (its logins and tokens stop) and enables it again', async () => {
    const added = await adminCall(t.url, 'POST', '/admin/api/accounts', { name: 'leaver', role: 'issuer', iss: 'uk.test.young' });
    const token = await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/tokens', { label: 'nightly import' });
    expect(token.status).toBe(201);
    expect(token.data).toMatchObject({ account: 'leaver', label: 'nightly import', token: expect.stringMatching(/^cpt[a-z0-9]+\./) });
    expect((await withToken(token.data.token, 'GET', '/admin/api/account')).data.account.name).toBe('leaver');

    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/disable')).status).toBe(200);
    expect((await withToken(token.data.token, 'GET', '/admin/api/account')).status).toBe(401);
    expect((await login('leaver', added.data.password)).status).toBe(401);
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/disable')).data.message).toMatch(/already disabled/);
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/tokens', { label: 'x' })).data.message).toMatch(/disabled: enable it first/);

    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/enable')).data).toEqual({ enabled: 'leaver' });
    expect((await login('leaver', added.data.password)).status).toBe(303);
    expect((await withToken(token.data.token, 'GET', '/admin/api/account')).status).toBe(200);
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/leaver/enable')).data.message).toMatch(/not disabled/);
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/nobody/enable')).status).toBe(404);
  });

  it('a coordinator cannot disable or reset their own account here', async () => {
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/coordinator/disable')).data.message).toMatch(/cannot disable your own account/);
    expect((await adminCall(t.url, 'POST', '/admin/api/accounts/Coordinator/password')).data.message).toMatch(/your current one/);
  });

  it('resets a password: a new one shown once, the old one and its logins end', async () => {
    const added = await adminCall(t.url, 'POST', '/admin/api/accounts', { name: 'forgetful', role: 'coordinator' });
    const before = await login('forgetful', added.data.password);
    const cookie = before.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await fetch(`${t.url}/admin/api/account`, { headers: { cookie } })).status).toBe(200);

    const reset = await adminCall(t.url, 'POST', '/admin/api/accounts/forgetful/password');
    expect(reset.status).toBe(200);
    expect(reset.data.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(reset.data.password).not.toBe(added.data.password);
    expect((await fetch(`${t.url}/admin/api/account`, { headers: { cookie } })).status).toBe(401);
    expect((await login('forgetful', added.data.password)).status).toBe(401);
    expect((await login('forgetful', reset.data.password)).status).toBe(303);
    const audited = await t.service.ctx.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'account.password-reset'`);
    expect(audited).toEqual([{ actor: 'account:coordinator' }]);
  });

  it("lists an account's tokens without secrets; the coordinator revokes one", async () => {
    const made = await adminCall(t.url, 'POST', '/admin/api/accounts/jo/tokens', { label: 'weekly renewals' });
    const list = await adminCall(t.url, 'GET', '/admin/api/accounts/jo/tokens');
    expect(list.data.tokens).toEqual([{ id: made.data.id, label: 'weekly renewals', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    expect(JSON.stringify(list.data)).not.toContain(made.data.secret);
    expect((await adminCall(t.url, 'POST', `/admin/api/tokens/${made.data.id}/revoke`)).status).toBe(200);
    expect((await adminCall(t.url, 'GET', '/admin/api/accounts/jo/tokens')).data.tokens[0].revokedAt).not.toBeNull();
    expect((await withToken(made.data.token, 'GET', '/admin/api/account')).status).toBe(401);
    expect((await adminCall(t.url, 'GET', '/admin/api/accounts/nobody/tokens')).status).toBe(404);
  });

  it('issuer staff and partner managers get 403 on every accounts route, audited with their name', async () => {
    const staffToken = (await adminCall(t.url, 'POST', '/admin/api/accounts/jo/tokens', { label: 'jo' })).data.token as string;
    const managerToken = (await adminCall(t.url, 'POST', '/admin/api/accounts/sam/tokens', { label: 'sam' })).data.token as string;
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/api/accounts'],
      ['POST', '/admin/api/accounts', { name: 'sneaky', role: 'coordinator' }],
      ['POST', '/admin/api/accounts/coordinator/disable'],
      ['POST', '/admin/api/accounts/leaver/enable'],
      ['POST', '/admin/api/accounts/coordinator/password'],
      ['GET', '/admin/api/accounts/coordinator/tokens'],
      ['POST', '/admin/api/accounts/coordinator/tokens', { label: 'mine now' }],
    ];
    for (const token of [staffToken, managerToken]) {
      for (const [method, path, body] of routes) {
        const res = await withToken(token, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.data.message).toBe('Only the scheme coordinator may do this.');
      }
    }
    const refused = await t.service.ctx.db.query<{ actor: string; n: number }>(
      `SELECT actor, count(*)::int AS n FROM audit_log WHERE action = 'access.refused' AND detail->>'route' LIKE '/admin/api/accounts%' GROUP BY actor ORDER BY actor`,
    );
    expect(refused).toEqual([{ actor: 'account:jo', n: routes.length }, { actor: 'account:sam', n: routes.length }]);
    expect((await adminCall(t.url, 'GET', '/admin/api/accounts')).data.accounts.map((a: { name: string }) => a.name)).not.toContain('sneaky');
  });
});
