// Who is asking: the admin (HTTP Basic with ADMIN_PASSWORD) or a device (Bearer token).

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SchemeContext } from '../context.ts';
import { authenticateDevice, type Device } from '../devices/device-store.ts';
import { RateLimiter, type RateLimit } from '../redemptions/rate-limiter.ts';
import { problem, type Reply } from './reply.ts';

export const ADMIN_REALM = 'Carers Passport admin';

/** Wrong admin passwords allowed per address: a burst of 10, then one more every 10 seconds. */
export const ADMIN_LOGIN_LIMIT: RateLimit = { capacity: 10, refillPerSecond: 0.1 };

/** The admin password and the count of wrong guesses per address, shared by every admin route. */
export type AdminGate = { password: string; failures: RateLimiter };

export function adminGate(password: string, failures = new RateLimiter(ADMIN_LOGIN_LIMIT)): AdminGate {
  return { password, failures };
}

/**
 * The admin's actor name for the audit log, or a 401 that makes a browser ask for the password. Only wrong
 * passwords use up the address's allowance; once it is spent, every request gets the same 429 before the password
 * is looked at, so a guess made while limited cannot be confirmed.
 */
export function requireAdmin(req: IncomingMessage, gate: AdminGate): { ok: true; actor: string } | { ok: false; reply: Reply } {
  const address = clientAddress(req);
  const limited = gate.failures.check(address);
  if (!limited.ok) return tooManyAttempts(limited.retryAfter);
  const header = req.headers.authorization;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match) {
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? '' : decoded.slice(0, colon);
    const given = colon < 0 ? '' : decoded.slice(colon + 1);
    if (sameSecret(given, gate.password)) return { ok: true, actor: `admin:${user.slice(0, 40) || 'admin'}` };
  }
  // no Authorization at all is a browser's first visit, not a guess
  if (header !== undefined) {
    const counted = gate.failures.take(address);
    if (!counted.ok) return tooManyAttempts(counted.retryAfter);
  }
  return {
    ok: false,
    reply: problem(401, 'unauthorised', 'The admin password is needed.', { 'www-authenticate': `Basic realm="${ADMIN_REALM}", charset="UTF-8"` }),
  };
}

function tooManyAttempts(retryAfter: number): { ok: false; reply: Reply } {
  return {
    ok: false,
    reply: problem(429, 'too-many-attempts', `Too many wrong admin passwords from this address. Wait ${retryAfter} seconds, then try again.`, {
      'retry-after': String(retryAfter),
    }),
  };
}

/** The peer's address (an IPv4 client on an IPv6 socket counts as itself). Behind a proxy, all share the proxy's. */
function clientAddress(req: IncomingMessage): string {
  const address = req.socket?.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Compares hashes, so the time taken says nothing about the password. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}

export async function requireDevice(
  req: IncomingMessage,
  ctx: SchemeContext,
): Promise<{ ok: true; device: Device } | { ok: false; reply: Reply }> {
  const match = /^Bearer\s+([A-Za-z0-9_-]+)\s*$/i.exec(req.headers.authorization ?? '');
  const device = match ? await authenticateDevice(ctx, match[1]!) : undefined;
  if (device) return { ok: true, device };
  return {
    ok: false,
    reply: problem(401, 'unauthorised', 'This device is not enrolled, or it has been removed. Enrol it again.', {
      'www-authenticate': 'Bearer realm="carers-passport"',
    }),
  };
}

/**
 * Admin changes come from our own page as JSON: a form on another site cannot send JSON without asking first
 * (CORS preflight), and a browser that sends an Origin must send ours. Basic auth alone would allow such forms.
 */
export function isSameOriginJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
