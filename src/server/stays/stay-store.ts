// Hospital stays at the service (issue 11 point 2): stay events from the devices of a group's partners, stored once
// each by id, and the group's recent events for every device of the group. Never a name.

import { readStayEvent, type PartnerProfile, type StayEvent } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type { Device } from '../devices/device-store.ts';

export type StayResult = { id: string; status: 'stored' | 'duplicate' | 'rejected'; reason?: string };

/** How far back a device sees the group's stays: stays run to a discharge date, so the window is generous. */
export const STAY_WINDOW_SECONDS = 180 * 86_400;
export const MAX_STAY_BATCH = 200;

/** Stores each event once; answers per event in request order. Only the device's own partner, in its own group. */
export async function ingestStayEvents(ctx: SchemeContext, device: Device, profile: PartnerProfile, events: readonly unknown[]): Promise<StayResult[]> {
  const results: StayResult[] = [];
  const knownIssuers = new Set((await ctx.db.query<{ iss: string }>('SELECT iss FROM issuers')).map((r) => r.iss));
  for (const value of events) {
    const read = readStayEvent(value);
    const id = typeof (value as { id?: unknown } | null)?.id === 'string' ? (value as { id: string }).id : '';
    if (!read.ok) {
      results.push({ id, status: 'rejected', reason: read.problem });
      continue;
    }
    const e = read.event;
    if (e.partnerId !== device.partnerId) results.push({ id, status: 'rejected', reason: 'not your partner' });
    else if (!profile.group || e.groupId !== profile.group.id) results.push({ id, status: 'rejected', reason: 'not your group' });
    else if (!knownIssuers.has(e.iss)) results.push({ id, status: 'rejected', reason: 'unknown issuer' });
    else {
      try {
        const inserted = await ctx.db.query<{ id: string }>(
          `INSERT INTO stay_events (id, stay_id, type, at, iss, jti, group_id, partner_id, device_id, until, note, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [e.id, e.stayId, e.type, e.at, e.iss, e.jti, e.groupId, e.partnerId, e.deviceId, e.until ?? null, e.note ?? null, toDate(ctx.now())],
        );
        results.push({ id, status: inserted.length > 0 ? 'stored' : 'duplicate' });
      } catch (error) {
        // what the database still refuses is this event's fault (SQLSTATE class 22 or 23): the others go on
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !/^2[23]/.test(code)) throw error;
        results.push({ id, status: 'rejected', reason: `the scheme's database refused it (${code})` });
      }
    }
  }
  return results;
}

type Row = { id: string; stay_id: string; type: StayEvent['type']; at: Date | string; iss: string; jti: string; group_id: string; partner_id: string; device_id: string; until: string | null; note: string | null };

/** The group's events of stays started in the window, oldest first. */
export async function groupStayEvents(q: Queryable, groupId: string, now: number): Promise<StayEvent[]> {
  const rows = await q.query<Row>(
    `SELECT id, stay_id, type, at, iss, jti, group_id, partner_id, device_id, to_char(until, 'YYYY-MM-DD') AS until, note
       FROM stay_events WHERE group_id = $1 AND stay_id IN (
         SELECT stay_id FROM stay_events WHERE group_id = $1 AND type = 'start' AND at >= $2)
      ORDER BY at, id`,
    [groupId, toDate(now - STAY_WINDOW_SECONDS)],
  );
  return rows.map((r) => ({
    id: String(r.id).toLowerCase(),
    stayId: String(r.stay_id).toLowerCase(),
    type: r.type,
    at: new Date(r.at).toISOString(),
    iss: r.iss,
    jti: r.jti,
    groupId: r.group_id,
    partnerId: r.partner_id,
    deviceId: r.device_id,
    ...(r.until === null ? {} : { until: r.until }),
    ...(r.note === null ? {} : { note: r.note }),
  }));
}
