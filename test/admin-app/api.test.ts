// The admin page's API client: JSON both ways, the CSRF token on changes only, the service's plain message in an
// ApiError with its field, and a 401 ending the session so the login shows "your session ended".

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logIn, logOut } from '../../src/admin-app/account-actions.ts';
import { ApiError, downloadUrl, getJson, sendJson } from '../../src/admin-app/api.ts';
import { loggedOutBecause, readSession, session } from '../../src/admin-app/session.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  session.value = { account: { name: 'jo', role: 'issuer', iss: 'uk.llr.vasl' }, csrf: 'the-csrf-token' };
  loggedOutBecause.value = undefined;
});

const API = 'http://localhost:5173/admin/api';

describe('getJson and sendJson', () => {
  it('sends the CSRF token and JSON with a change, and neither with a read', async () => {
    const seen: { method: string; csrf: string | null; type: string | null; body: string }[] = [];
    server.use(
      http.all(`${API}/passports`, async ({ request }) => {
        seen.push({ method: request.method, csrf: request.headers.get('x-csrf-token'), type: request.headers.get('content-type'), body: await request.text() });
        return HttpResponse.json({ ok: true });
      }),
    );
    expect(await getJson('/admin/api/passports')).toEqual({ ok: true });
    await sendJson('POST', '/admin/api/passports', { name: 'Ann' });
    await sendJson('DELETE', '/admin/api/passports');
    expect(seen).toEqual([
      { method: 'GET', csrf: null, type: null, body: '' },
      { method: 'POST', csrf: 'the-csrf-token', type: 'application/json', body: '{"name":"Ann"}' },
      { method: 'DELETE', csrf: 'the-csrf-token', type: 'application/json', body: '{}' },
    ]);
  });

  it("throws the service's words, code and field as an ApiError", async () => {
    server.use(http.post(`${API}/passports`, () => HttpResponse.json({ status: 400, error: 'bad-request', message: 'In the body, "name" is missing.', field: 'name' }, { status: 400 })));
    const error = await sendJson('POST', '/admin/api/passports', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, error: 'bad-request', message: 'In the body, "name" is missing.', field: 'name' });
    expect(session.value).toBeDefined();
  });

  it('says plainly when the answer is not the service\'s JSON, or the service cannot be reached', async () => {
    server.use(http.get(`${API}/keys`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    await expect(getJson('/admin/api/keys')).rejects.toMatchObject({ status: 502, message: 'The scheme service answered 502. Try again later.' });
    server.use(http.get(`${API}/keys`, () => HttpResponse.error()));
    await expect(getJson('/admin/api/keys')).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/cannot be reached/) });
  });

  it('a 401 ends the session: the page goes back to the login, saying the session ended', async () => {
    server.use(http.get(`${API}/audit`, () => HttpResponse.json({ error: 'unauthorised', message: 'Log in.' }, { status: 401 })));
    await expect(getJson('/admin/api/audit')).rejects.toMatchObject({ status: 401 });
    expect(session.value).toBeUndefined();
    expect(loggedOutBecause.value).toBe('ended');
  });

  it('builds download addresses with their query, leaving out empty values', () => {
    expect(downloadUrl('/admin/api/renewals', { format: 'csv', within: 60, expiredWithin: '', q: undefined })).toBe('/admin/api/renewals?format=csv&within=60');
    expect(downloadUrl('/admin/api/keys')).toBe('/admin/api/keys');
  });
});

describe('logging in and out', () => {
  it('keeps the account and CSRF token the login answers with; a wrong password leaves nobody logged in', async () => {
    session.value = undefined;
    server.use(
      http.post(`${API}/login`, async ({ request }) => {
        const { password } = (await request.json()) as { password: string };
        if (password !== 'right one') return HttpResponse.json({ error: 'wrong-password', message: 'The account name or the password is not right.', field: 'password' }, { status: 401 });
        return HttpResponse.json({ account: { name: 'sam', role: 'coordinator', iss: null, partnerId: null, disabled: false }, csrf: 'fresh' });
      }),
    );
    await expect(logIn('sam', 'wrong')).rejects.toMatchObject({ field: 'password' });
    expect(session.value).toBeUndefined();
    expect(loggedOutBecause.value).toBeUndefined();
    await logIn('sam', 'right one');
    expect(session.value).toEqual({ account: { name: 'sam', role: 'coordinator' }, csrf: 'fresh' });
  });

  it('logging out ends the session here even when the service had already ended it', async () => {
    server.use(http.post(`${API}/logout`, () => HttpResponse.json({ error: 'unauthorised', message: 'Log in.' }, { status: 401 })));
    await logOut();
    expect(session.value).toBeUndefined();
    expect(loggedOutBecause.value).toBe('logged-out');
  });

  it('reads a partner manager\'s account, and refuses an answer without a CSRF token or with an unknown role', () => {
    expect(readSession({ account: { name: 'm', role: 'partner', iss: null, partnerId: 'corner-shop' }, csrf: 'c' })).toEqual({ account: { name: 'm', role: 'partner', partner: 'corner-shop' }, csrf: 'c' });
    expect(readSession({ account: { name: 'm', role: 'partner' } })).toBeUndefined();
    expect(readSession({ account: { name: 'm', role: 'root' }, csrf: 'c' })).toBeUndefined();
    expect(readSession(null)).toBeUndefined();
    expect(readSession({ account: { name: 'sam', role: 'coordinator' }, csrf: 'c', demo: true, mail: true })).toEqual({ account: { name: 'sam', role: 'coordinator' }, csrf: 'c', demo: true, mail: true });
  });
});
