// Who is asking: an account (a browser's session cookie, or a script's API token as HTTP Basic or Bearer) or a
// device (Bearer token). Both run as onRequest hooks: a route that needs them names them, and its handler reads
// `req.account` and `req.actor`, or `req.device`. What an account may do is src/server/accounts/rights.ts.

import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { actorOf, type Account } from '../accounts/account-store.ts';
import { accountForToken } from '../accounts/api-tokens.ts';
import { findSession, type Session } from '../accounts/sessions.ts';
import type { SchemeContext } from '../context.ts';
import { authenticateDevice, type Device } from '../devices/device-store.ts';
import { RateLimiter, type RateLimit } from './rate-limiter.ts';
import { problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The account's name for the audit log (`account:NAME`), once requireAdmin let the request in. */
    actor?: string;
    /** The account acting, once requireAdmin let the request in. */
    account?: Account;
    /** The browser session it came with (absent for an API token). */
    session?: Session;
    /** The enrolled device, once requireDevice let the request in. */
    device?: Device;
  }
}

export const ADMIN_REALM = 'Carers Passport admin';
export const SESSION_COOKIE = 'cp_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Wrong passwords (or tokens) allowed per client address: a burst of 10, then one more every 10 seconds. */
export const ADMIN_LOGIN_LIMIT: RateLimit = { capacity: 10, refillPerSecond: 0.1 };
/**
 * Wrong passwords allowed per account name (or token id), from any address: more than one address may use (a
 * coordinator on two machines), fewer than many addresses would get, so guessing from a botnet is slowed too.
 */
export const ADMIN_ACCOUNT_LIMIT: RateLimit = { capacity: 30, refillPerSecond: 0.1 };

/**
 * The scheme and the wrong guesses counted per client address and per account name, shared by every admin route and
 * the login form. There is no global count: one client can never lock out the others (behind a proxy, the client's
 * address is the one the trusted proxy forwards, see TRUST_PROXY).
 */
export type AdminGate = { ctx: SchemeContext; byAddress: RateLimiter; byAccount: RateLimiter };

export function adminGate(ctx: SchemeContext, clock?: () => number, limits: { address?: RateLimit; account?: RateLimit } = {}): AdminGate {
  return {
    ctx,
    byAddress: new RateLimiter(limits.address ?? ADMIN_LOGIN_LIMIT, clock),
    byAccount: new RateLimiter(limits.account ?? ADMIN_ACCOUNT_LIMIT, clock),
  };
}

const keysOf = (ip: string, name: string | undefined) => ({ address: `address:${clientKey(ip)}`, account: name === undefined ? undefined : `account:${name.toLowerCase()}` });

/**
 * The client an address stands for: an IPv4 address itself, an IPv6 address by its /64 (one household or phone
 * holds a whole /64, so counting each address would give it billions of tries).
 */
export function clientKey(ip: string): string {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (!v4.includes(':')) return v4;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Before a password or token is looked at: seconds to wait when the address's or the name's allowance is spent. */
export function attemptsLeft(gate: AdminGate, ip: string, name: string | undefined): { ok: true } | { ok: false; retryAfter: number } {
  const keys = keysOf(ip, name);
  const byAddress = gate.byAddress.check(keys.address);
  if (!byAddress.ok) return byAddress;
  return keys.account === undefined ? { ok: true } : gate.byAccount.check(keys.account);
}

/** A wrong password or token uses up one of the address's and one of the name's allowance. */
export function countFailure(gate: AdminGate, ip: string, name: string | undefined): { ok: true } | { ok: false; retryAfter: number } {
  const keys = keysOf(ip, name);
  const byAddress = gate.byAddress.take(keys.address);
  const byAccount = keys.account === undefined ? ({ ok: true } as const) : gate.byAccount.take(keys.account);
  return !byAddress.ok ? byAddress : byAccount;
}

/**
 * Lets an account in and sets `req.account`, `req.actor` (and `req.session` for a browser), or answers: the admin
 * page goes to /admin/login, the API gets 401. Only wrong tokens use up an allowance; once the address's or the
 * token's is spent, every request from it gets the same 429 before the token is looked at, so a guess made while
 * limited cannot be confirmed. A change made with a session needs its CSRF token in X-CSRF-Token (else 403).
 */
export function requireAdmin(gate: AdminGate): onRequestAsyncHookHandler {
  const { ctx } = gate;
  return async function adminOnly(req: FastifyRequest, reply: FastifyReply) {
    const credentials = tokenCredentials(req.headers.authorization);
    const cookie = sessionCookie(req.headers.cookie);
    if (credentials === undefined) {
      const session = cookie === undefined ? undefined : await findSession(ctx, cookie);
      if (session) {
        if (req.method !== 'GET' && req.method !== 'HEAD' && !sameText(String(req.headers[CSRF_HEADER] ?? ''), session.csrfToken)) {
          return problem(reply, 403, 'csrf', 'This change did not come from the admin page. Reload the page and try again.');
        }
        letIn(req, session.account);
        req.session = session;
        return;
      }
    }
    const limited = attemptsLeft(gate, req.ip, credentials?.id);
    if (!limited.ok) return tooManyAttempts(reply, limited.retryAfter);
    const account = credentials && (await accountForToken(ctx, credentials.id, credentials.secret));
    if (account) return letIn(req, account);
    // no Authorization at all is a browser's first visit (or a session that ended), not a guess
    if (req.headers.authorization !== undefined) {
      const counted = countFailure(gate, req.ip, credentials?.id);
      if (!counted.ok) return tooManyAttempts(reply, counted.retryAfter);
    } else if (req.method === 'GET' && req.routeOptions.url === '/admin/classic') {
      return reply.redirect(cookie === undefined ? '/admin/login' : '/admin/login?out=idle', 303);
    }
    return problem(reply, 401, 'unauthorised', 'Log in on /admin/login, or send an API token (HTTP Basic token-id:secret, or Bearer token-id.secret).', {
      'www-authenticate': `Bearer realm="${ADMIN_REALM}"`,
    });
  };
}

function letIn(req: FastifyRequest, account: Account): void {
  req.account = account;
  req.actor = actorOf(account);
}

/** An API token: HTTP Basic (the id as user name, the secret as password) or Bearer id.secret. */
function tokenCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const bearer = /^Bearer\s+([A-Za-z0-9]{1,64})\.([A-Za-z0-9_-]{1,256})\s*$/i.exec(header ?? '');
  if (bearer) return { id: bearer[1]!, secret: bearer[2]! };
  const basic = /^Basic\s+([A-Za-z0-9+/=]{1,2048})\s*$/i.exec(header ?? '');
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** The cp_session cookie's value, when the request has one. */
export function sessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && /^[A-Za-z0-9_-]{20,100}$/.test(value.join('='))) return value.join('=');
  }
  return undefined;
}

export function tooManyAttempts(reply: FastifyReply, retryAfter: number): FastifyReply {
  return problem(reply, 429, 'too-many-attempts', `Too many wrong admin passwords. Wait ${retryAfter} seconds, then try again.`, {
    'retry-after': String(retryAfter),
  });
}

/** Compares in constant time for equal lengths; tokens are of fixed length, so the length says nothing. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && expected.length > 0 && timingSafeEqual(a, b);
}

/** Lets an enrolled device in and sets `req.device`, or answers 401. */
export function requireDevice(ctx: SchemeContext): onRequestAsyncHookHandler {
  return async function deviceOnly(req: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(req.headers.authorization);
    const device = token ? await authenticateDevice(ctx, token) : undefined;
    if (device) {
      req.device = device;
      return;
    }
    return problem(reply, 401, 'unauthorised', 'This device is not enrolled, or it has been removed. Enrol it again.', {
      'www-authenticate': 'Bearer realm="carers-passport"',
    });
  };
}

export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+([A-Za-z0-9_-]{1,512})\s*$/i.exec(header ?? '')?.[1];
}

/**
 * Admin changes come from our own page as JSON: a form on another site cannot send JSON without asking first
 * (CORS preflight), and a browser that sends an Origin must send ours. Basic auth alone would allow such forms.
 */
export const requireSameOriginJson: onRequestAsyncHookHandler = async (req, reply) => {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const origin = req.headers.origin;
  let sameOrigin = origin === undefined;
  if (origin !== undefined) {
    try {
      sameOrigin = new URL(origin).host === req.headers.host;
    } catch {
      sameOrigin = false;
    }
  }
  if (type !== 'application/json' || !sameOrigin) return problem(reply, 415, 'json-only', 'Send changes as JSON from the admin page.');
};
