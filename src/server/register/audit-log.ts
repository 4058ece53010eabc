// Every change to the register, partners and devices, with who and when. Ids only: never a token or a name.

import type { Queryable } from '../db/database.ts';
import { toDate } from '../context.ts';

export type AuditEntry = {
  actor: string;
  action: string;
  iss?: string;
  jti?: string;
  partnerId?: string;
  deviceId?: string;
  detail?: Record<string, unknown>;
};

export async function audit(q: Queryable, at: number, entry: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (at, actor, action, iss, jti, partner_id, device_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      toDate(at),
      entry.actor,
      entry.action,
      entry.iss ?? null,
      entry.jti ?? null,
      entry.partnerId ?? null,
      entry.deviceId ?? null,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ],
  );
}

export type AuditRow = { at: string; actor: string; action: string; iss: string | null; jti: string | null; partnerId: string | null; deviceId: string | null };

export async function recentAudit(q: Queryable, limit = 50): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, actor, action, iss, jti,
            partner_id AS "partnerId", device_id AS "deviceId"
       FROM audit_log ORDER BY id DESC LIMIT $1`,
    [limit],
  );
}
