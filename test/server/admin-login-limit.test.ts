// Wrong admin passwords are limited per address (a token bucket of failures); right ones never are.

import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminGate, requireAdmin } from '../../src/server/http/auth.ts';
import { RateLimiter } from '../../src/server/redemptions/rate-limiter.ts';
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
    expect((await fetch(`${t.url}/admin`, { headers: adminHeaders() })).status).toBe(429);
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
    // and a browser's first request, without a password, is asked for one and not counted as a guess
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${t.url}/admin`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
    expect((await fetch(`${t.url}/admin/api/devices`, { headers: wrong })).status).toBe(401);
  });
});

describe('requireAdmin', () => {
  const request = (address: string, headers: Record<string, string>) => ({ headers, socket: { remoteAddress: address } }) as unknown as IncomingMessage;

  it('counts failures per remote address: one address guessing does not lock out another', () => {
    const gate = adminGate(ADMIN_PASSWORD, new RateLimiter({ capacity: 2, refillPerSecond: 0.1 }, () => 0));
    const statusOf = (address: string, headers: Record<string, string>) => {
      const auth = requireAdmin(request(address, headers), gate);
      return auth.ok ? 200 : auth.reply.status;
    };
    expect([statusOf('203.0.113.9', wrong), statusOf('203.0.113.9', wrong), statusOf('203.0.113.9', wrong)]).toEqual([401, 401, 429]);
    expect(statusOf('203.0.113.9', adminHeaders())).toBe(429);
    expect(statusOf('198.51.100.4', adminHeaders())).toBe(200);
    expect(statusOf('198.51.100.4', wrong)).toBe(401);
    // an IPv4 client seen through an IPv6 socket is the same client
    expect(statusOf('::ffff:203.0.113.9', adminHeaders())).toBe(429);
  });
});
