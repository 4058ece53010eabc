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

/** Whose entries an account sees: all (a coordinator), or its own changes and those on its issuer's or partner's things. */
export type AuditScope = { actor: string; iss?: string; partnerId?: string } | undefined;

export function auditScope(account: { name: string; role: string; iss: string | null; partnerId: string | null }): AuditScope {
  if (account.role === 'coordinator') return undefined;
  return { actor: `account:${account.name}`, ...(account.iss ? { iss: account.iss } : {}), ...(account.partnerId ? { partnerId: account.partnerId } : {}) };
}

export async function recentAudit(q: Queryable, limit = 50, scope?: AuditScope): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, actor, action, iss, jti,
            partner_id AS "partnerId", device_id AS "deviceId"
       FROM audit_log
      WHERE $2::boolean OR actor = $3 OR iss = $4 OR partner_id = $5
      ORDER BY id DESC LIMIT $1`,
    [limit, scope === undefined, scope?.actor ?? null, scope?.iss ?? null, scope?.partnerId ?? null],
  );
}
