// The admin page and its API: behind the admin password, changes only as same-origin JSON.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';
import { partnerProfile } from './support/scheme-fixtures.ts';
import { adminCall, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

describe.each(BACKENDS)('admin ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
  });
  afterAll(() => t?.stop());

  it('sends the page to the login form, and asks every API route for a token', async () => {
    const page = await fetch(`${t.url}/admin/classic`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login');
    for (const [method, path] of [['GET', '/admin/api/passports'], ['POST', '/admin/api/passports'], ['GET', '/admin/api/devices'], ['PUT', '/admin/api/partners/x'], ['GET', '/admin/api/audit']] as const) {
      const res = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(res.status, `${method} ${path}`).toBe(401);
      // Bearer, not Basic: a browser whose session ended is not shown its own password dialog
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="Carers Passport admin"');
    }
  });

  it('shows the page with the issue form, partners, reports as SVG charts and recent changes', async () => {
    const saved = await adminCall(t.url, 'PUT', '/admin/api/partners/corner-shop', partnerProfile('corner-shop'));
    expect(saved.status).toBe(200);
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: '<script>alert(1)</script>' });
    expect(issued.status).toBe(201);
    expect(issued.data.qrSvg).toMatch(/^<svg/);
    expect(issued.data.qrText).toMatch(/^CP1:\/\d+$/);
    const res = await fetch(`${t.url}/admin/classic`, { headers: adminHeaders() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain('Issue a passport');
    expect(page).toContain('Partner corner-shop');
    expect(page).toContain('New enrolment code');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toMatch(/<svg role="img" aria-label="Passports issued per month"/);
    expect(page).toContain('passport.issue');
  });

  it('says a passport whose dates have passed is expired, not just "valid"', async () => {
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name: 'Dates Testcarer' });
    expect(issued.status).toBe(201);
    const { jti, exp } = issued.data.passport as { jti: string; exp: number };
    const row = async () => {
      const page = await (await fetch(`${t.url}/admin/classic?q=${jti}`, { headers: adminHeaders() })).text();
      return page.slice(page.indexOf(`<code>${jti}</code>`)).split('</tr>')[0]!;
    };
    expect(await row()).toContain('>valid<');
    const before = t.clock.now;
    t.clock.now = exp + 1;
    try {
      expect(await row()).toContain('valid, but expired (renew)');
    } finally {
      t.clock.now = before;
    }
  });

  it('refuses changes that are not JSON or come from another origin (a form on another site)', async () => {
    const form = await fetch(`${t.url}/admin/api/passports`, {
      method: 'POST',
      headers: adminHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: 'iss=uk.test.vasl&cat=adult&name=X',
    });
    expect(form.status).toBe(415);
    const foreign = await fetch(`${t.url}/admin/api/passports`, {
      method: 'POST',
      headers: adminHeaders({ 'content-type': 'application/json', origin: 'https://evil.example' }),
      body: JSON.stringify({ iss: 'uk.test.vasl', cat: 'adult', name: 'X' }),
    });
    expect(foreign.status).toBe(415);
    const own = await fetch(`${t.url}/admin/api/passports`, {
      method: 'POST',
      headers: adminHeaders({ 'content-type': 'application/json', origin: t.url }),
      body: JSON.stringify({ iss: 'uk.test.vasl', cat: 'adult', name: 'X' }),
    });
    expect(own.status).toBe(201);
  });

  it('checks a partner profile with the core reader and says what is wrong', async () => {
    const bad = { ...partnerProfile('bad-shop'), offers: [{ id: 'x', title: 'X', kind: 'benefit', categories: ['nobody'], limit: { kind: 'unlimited' } }] };
    const refused = await adminCall(t.url, 'PUT', '/admin/api/partners/bad-shop', bad);
    expect(refused.status).toBe(400);
    expect(refused.data.message).toMatch(/offer x needs categories/);
    const mismatch = await adminCall(t.url, 'PUT', '/admin/api/partners/other', partnerProfile('bad-shop'));
    expect(mismatch.status).toBe(400);
  });

  it('records who issued and revoked, with when', async () => {
    const issued = await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.young', cat: 'young', name: 'Kim' });
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.young/${issued.data.passport.jti}/revoke`);
    const audit = await adminCall(t.url, 'GET', '/admin/api/audit');
    const mine = audit.data.entries.filter((e: any) => e.jti === issued.data.passport.jti);
    expect(mine.map((e: any) => [e.action, e.actor, e.at])).toEqual([
      ['passport.revoke', 'account:coordinator', new Date(t.clock.now * 1000).toISOString().replace('.000', '')],
      // issue 9: issuing makes the phone copy's collection code (audited without the code)
      ['card.code-created', 'account:coordinator', new Date(t.clock.now * 1000).toISOString().replace('.000', '')],
      ['passport.issue', 'account:coordinator', new Date(t.clock.now * 1000).toISOString().replace('.000', '')],
    ]);
    expect(JSON.stringify(audit.data)).not.toContain('Kim');
  });

  it('serves no demo cards when the scheme is not the demo', async () => {
    expect((await fetch(`${t.url}/demo/cards`)).status).toBe(404);
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const res = await fetch(`${t.url}/v1/redemptions`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
