// Wrong admin passwords are limited per address (a token bucket of failures); right ones never are.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, adminHeaders, startTestService, type TestService } from './support/test-service.ts';

const wrong = { authorization: `Basic ${Buffer.from('staff:guess').toString('base64')}` };

describe('admin login limit (PGlite)', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ name: 'PGlite' });
  });
  afterAll(() => t?.stop());
  // Each test starts with a full bucket: 10 minutes is long past a full refill at one token per 10 s.
  beforeEach(() => {
    t.clock.now += 600;
  });

  it('answers 429 after 10 wrong passwords in a row: of 200 guesses, only the first 10 are checked', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${t.url}/admin/api/devices`, { headers: wrong });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(limited!.headers.get('retry-after')).toBe('10');
    expect(limited!.headers.get('www-authenticate')).toBeNull();
    const body = (await limited!.json()) as { error: string; message: string };
    expect(body.error).toBe('too-many-attempts');
    expect(body.message).toMatch(/Too many wrong admin passwords/);
  });

  it('while limited, the right password gets the same 429, so a guess cannot be confirmed', async () => {
    for (let i = 0; i < 10; i++) expect((await fetch(`${t.url}/admin/api/devices`, { headers: wrong })).status).toBe(401);
    const right = await fetch(`${t.url}/admin/api/devices`, { headers: adminHeaders() });
    const guess = await fetch(`${t.url}/admin/api/devices`, { headers: wrong });
    expect([right.status, guess.status]).toEqual([429, 429]);
    expect(await right.text()).toBe(await guess.text());
    // the limit covers every admin door: the page and the reports too
    expect((await fetch(`${t.url}/admin/classic`, { headers: adminHeaders() })).status).toBe(429);
    expect((await fetch(`${t.url}/v1/reports`, { headers: adminHeaders() })).status).toBe(429);
  });

  it('allows one more guess per 10 seconds once the burst is spent', async () => {
    for (let i = 0; i < 10; i++) await fetch(`${t.url}/admin/api/devices`, { headers: wrong });
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: wrong })).status).toBe(429);
    t.clock.now += 10;
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: adminHeaders() })).status).toBe(200);
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: wrong })).status).toBe(401);
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: adminHeaders() })).status).toBe(429);
  });

  it('never slows the right password: 50 logins in a row all succeed', async () => {
    for (let i = 0; i < 50; i++) expect((await fetch(`${t.url}/admin/api/devices`, { headers: adminHeaders() })).status).toBe(200);
    // and a browser's first request, without a password, is sent to the login form and not counted as a guess
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${t.url}/admin/classic`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/login');
    }
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: wrong })).status).toBe(401);
  });
});

describe('admin login limits: per client and per account, never global', () => {
  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(
      { name: 'PGlite' },
      { trustProxy: ['127.0.0.1'], adminLoginLimit: { capacity: 2, refillPerSecond: 0.1 }, adminAccountLimit: { capacity: 4, refillPerSecond: 0.1 } },
    );
  });
  afterAll(() => t?.stop());
  beforeEach(() => {
    t.clock.now += 600;
  });
  const statusFrom = async (client: string, headers: Record<string, string>) =>
    (await fetch(`${t.url}/admin/api/devices`, { headers: { ...headers, 'x-forwarded-for': client } })).status;

  it('behind a trusted proxy, counts each client by its forwarded address: one guessing client does not lock out another', async () => {
    const guesser = '203.0.113.9';
    expect([await statusFrom(guesser, basic('mallory', 'x')), await statusFrom(guesser, basic('mallory', 'y')), await statusFrom(guesser, basic('mallory', 'z'))]).toEqual([401, 401, 429]);
    expect(await statusFrom(guesser, adminHeaders())).toBe(429);
    // every request reaches the service from the proxy's own address; the coordinator's still gets in
    expect(await statusFrom('198.51.100.4', adminHeaders())).toBe(200);
  });

  it('counts wrong passwords per account from any address, so guessing one account from many addresses is slowed too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await statusFrom(`192.0.2.${i + 1}`, basic('coordinator', `guess-${i}`)));
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // another account name and the right password from a fresh address are not affected
    expect(await statusFrom('192.0.2.77', adminHeaders())).toBe(200);
  });

  it('an untrusted client cannot pick its address by sending X-Forwarded-For itself', async () => {
    const direct = await startTestService({ name: 'PGlite' }, { adminLoginLimit: { capacity: 2, refillPerSecond: 0.1 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${direct.url}/admin/api/devices`, { headers: { ...basic(`u${i}`, 'x'), 'x-forwarded-for': `203.0.113.${i}` } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await direct.stop();
    }
  });
});
