// Who is asking: the admin (HTTP Basic with ADMIN_PASSWORD) or a device (Bearer token).

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SchemeContext } from '../context.ts';
import { authenticateDevice, type Device } from '../devices/device-store.ts';
import { problem, type Reply } from './reply.ts';

export const ADMIN_REALM = 'Carers Passport admin';

/** The admin's actor name for the audit log, or a 401 that makes a browser ask for the password. */
export function requireAdmin(req: IncomingMessage, password: string): { ok: true; actor: string } | { ok: false; reply: Reply } {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match) {
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? '' : decoded.slice(0, colon);
    const given = colon < 0 ? '' : decoded.slice(colon + 1);
    if (sameSecret(given, password)) return { ok: true, actor: `admin:${user.slice(0, 40) || 'admin'}` };
  }
  return {
    ok: false,
    reply: problem(401, 'unauthorised', 'The admin password is needed.', { 'www-authenticate': `Basic realm="${ADMIN_REALM}", charset="UTF-8"` }),
  };
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
