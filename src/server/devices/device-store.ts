// Devices: enrolled with a one-time code, known by the SHA-256 of a random token, revocable by the admin.

import { createHash, randomBytes } from 'node:crypto';
import type { PartnerProfile } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import { partnerProfile } from '../partners/partner-store.ts';
import { audit } from '../register/audit-log.ts';
import { verifyEnrolmentCode } from './enrolment-codes.ts';

export type Enrolled = { ok: true; deviceId: string; deviceToken: string; profile: PartnerProfile };
export type EnrolRefusal = { ok: false; problem: 'malformed' | 'bad-signature' | 'expired' | 'used' | 'unknown-code' | 'unknown-partner' };

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export async function enrolDevice(ctx: SchemeContext, code: string, deviceName: string | undefined): Promise<Enrolled | EnrolRefusal> {
  const check = await verifyEnrolmentCode(ctx, code);
  if (!check.ok) return check;
  const { claims } = check;
  const now = ctx.now();
  const deviceId = `dev-${randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
  const deviceToken = randomBytes(32).toString('base64url');
  const name = (deviceName ?? '').trim().slice(0, 64) || 'Unnamed device';
  const outcome = await ctx.db.transaction(async (tx) => {
    // one use only: the row is claimed in the same statement that checks it, so two racing enrolments cannot both win
    const claimed = await tx.query<{ partner_id: string }>(
      'UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE jti = $1 AND used_at IS NULL RETURNING partner_id',
      [claims.jti, toDate(now), deviceId],
    );
    if (claimed.length === 0) {
      const [known] = await tx.query('SELECT 1 FROM enrolment_codes WHERE jti = $1', [claims.jti]);
      return known ? 'used' : 'unknown-code';
    }
    const profile = await partnerProfile(tx, claimed[0]!.partner_id);
    if (!profile) return 'unknown-partner';
    await tx.query(
      'INSERT INTO devices (id, partner_id, name, token_hash, created_at, last_seen) VALUES ($1, $2, $3, $4, $5, $5)',
      [deviceId, profile.id, name, hashToken(deviceToken), toDate(now)],
    );
    await audit(tx, now, { actor: `device:${deviceId}`, action: 'device.enrol', partnerId: profile.id, deviceId });
    return profile;
  });
  if (typeof outcome === 'string') return { ok: false, problem: outcome };
  return { ok: true, deviceId, deviceToken, profile: outcome };
}

export type Device = { id: string; partnerId: string; name: string };

/** The device a bearer token belongs to, if it is known and not revoked. */
export async function authenticateDevice(ctx: SchemeContext, token: string): Promise<Device | undefined> {
  if (token.length < 16 || token.length > 128) return undefined;
  const rows = await ctx.db.query<{ id: string; partner_id: string; name: string }>(
    'UPDATE devices SET last_seen = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, partner_id, name',
    [hashToken(token), toDate(ctx.now())],
  );
  const row = rows[0];
  return row && { id: row.id, partnerId: row.partner_id, name: row.name };
}

export async function revokeDevice(ctx: SchemeContext, deviceId: string, actor: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ partner_id: string }>(
      'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING partner_id',
      [deviceId, toDate(now)],
    );
    if (rows.length === 0) return { ok: false, problem: `no device ${deviceId} that is not already revoked` } as const;
    await audit(tx, now, { actor, action: 'device.revoke', partnerId: rows[0]!.partner_id, deviceId });
    return { ok: true } as const;
  });
}

export type DeviceRow = { id: string; partnerId: string; name: string; createdAt: string; lastSeen: string | null; revokedAt: string | null };

export async function listDevices(ctx: Pick<SchemeContext, 'db'>): Promise<DeviceRow[]> {
  const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  return ctx.db.query<DeviceRow>(
    `SELECT id, partner_id AS "partnerId", name, ${iso('created_at')} AS "createdAt", ${iso('last_seen')} AS "lastSeen",
            ${iso('revoked_at')} AS "revokedAt"
       FROM devices ORDER BY partner_id, created_at`,
  );
}
