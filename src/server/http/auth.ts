// Who is asking: the admin (HTTP Basic with ADMIN_PASSWORD) or a device (Bearer token). Both run as onRequest
// hooks: a route that needs them names them, and its handler reads `req.actor` or `req.device`.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { SchemeContext } from '../context.ts';
import { authenticateDevice, type Device } from '../devices/device-store.ts';
import { RateLimiter, type RateLimit } from './rate-limiter.ts';
import { problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The admin's name for the audit log, once requireAdmin let the request in. */
    actor?: string;
    /** The enrolled device, once requireDevice let the request in. */
    device?: Device;
  }
}

export const ADMIN_REALM = 'Carers Passport admin';

/** Wrong admin passwords allowed per client address: a burst of 10, then one more every 10 seconds. */
export const ADMIN_LOGIN_LIMIT: RateLimit = { capacity: 10, refillPerSecond: 0.1 };
/**
 * Wrong passwords allowed per account name, from any address: more than one address may use (a coordinator on
 * two machines), fewer than many addresses would get, so guessing from a botnet is slowed too.
 */
export const ADMIN_ACCOUNT_LIMIT: RateLimit = { capacity: 30, refillPerSecond: 0.1 };

/**
 * The admin password and the wrong guesses counted per client address and per account name, shared by every admin
 * route. There is no global count: one client can never lock out the others (behind a proxy, the client's address is
 * the one the trusted proxy forwards, see TRUST_PROXY).
 */
export type AdminGate = { password: string; byAddress: RateLimiter; byAccount: RateLimiter };

export function adminGate(password: string, clock?: () => number, limits: { address?: RateLimit; account?: RateLimit } = {}): AdminGate {
  return {
    password,
    byAddress: new RateLimiter(limits.address ?? ADMIN_LOGIN_LIMIT, clock),
    byAccount: new RateLimiter(limits.account ?? ADMIN_ACCOUNT_LIMIT, clock),
  };
}

/**
 * Lets the admin in and sets `req.actor`, or answers 401 (a browser then asks for the password). Only wrong
 * passwords use up an allowance; once the address's or the account's is spent, every request from it gets the same
 * 429 before the password is looked at, so a guess made while limited cannot be confirmed.
 */
export function requireAdmin(gate: AdminGate): onRequestAsyncHookHandler {
  return async function adminOnly(req: FastifyRequest, reply: FastifyReply) {
    const credentials = basicCredentials(req.headers.authorization);
    const address = `address:${req.ip}`;
    const account = `account:${(credentials?.user ?? '').toLowerCase()}`;
    for (const key of [address, ...(credentials ? [account] : [])]) {
      const limited = (key === address ? gate.byAddress : gate.byAccount).check(key);
      if (!limited.ok) return tooManyAttempts(reply, limited.retryAfter);
    }
    if (credentials && sameSecret(credentials.password, gate.password)) {
      req.actor = `admin:${credentials.user.slice(0, 40) || 'admin'}`;
      return;
    }
    // no Authorization at all is a browser's first visit, not a guess
    if (req.headers.authorization !== undefined) {
      const byAddress = gate.byAddress.take(address);
      const byAccount = credentials ? gate.byAccount.take(account) : { ok: true as const };
      if (!byAddress.ok) return tooManyAttempts(reply, byAddress.retryAfter);
      if (!byAccount.ok) return tooManyAttempts(reply, byAccount.retryAfter);
    }
    return problem(reply, 401, 'unauthorised', 'The admin password is needed.', { 'www-authenticate': `Basic realm="${ADMIN_REALM}", charset="UTF-8"` });
  };
}

function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,2048})\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function tooManyAttempts(reply: FastifyReply, retryAfter: number): FastifyReply {
  return problem(reply, 429, 'too-many-attempts', `Too many wrong admin passwords. Wait ${retryAfter} seconds, then try again.`, {
    'retry-after': String(retryAfter),
  });
}

/** Compares hashes, so the time taken says nothing about the password. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
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
