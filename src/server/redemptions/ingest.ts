// Stores a batch of redemption records once each, however often it is sent: the record id is the key.
// Answers per record, in request order: stored, duplicate (the same record again) or rejected with a reason. Each record
// is judged alone: one the database refuses is rejected and the others are stored; the batch never fails for it.

import { DEFAULT_TIME_ZONE, readRedemptionRecord, type Offer, type RecordResult, type RedemptionRecord } from '../../core/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type { Device } from '../devices/device-store.ts';
import { summariseRedemptions } from '../reports/report-summaries.ts';
import { flagOverLimit, type LimitedOffers } from './shared-limits.ts';

export async function ingestRecords(ctx: SchemeContext, device: Device, records: readonly unknown[]): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array(records.length);
  const accepted = new Map<string, { record: RedemptionRecord; positions: number[] }>();
  const { knownIssuers, partnerDevices, limits } = await ingestFacts(ctx, device, records);
  records.forEach((value, position) => {
    const read = readRedemptionRecord(value, ctx.now() * 1000);
    const id = typeof (value as { id?: unknown } | null)?.id === 'string' ? (value as { id: string }).id : '';
    if (!read.ok) {
      results[position] = { id, status: 'rejected', reason: read.problem };
      return;
    }
    const record = { ...read.record, id: read.record.id.toLowerCase() };
    if (record.partnerId !== device.partnerId) results[position] = { id, status: 'rejected', reason: 'not your partner' };
    // a device enrolled again uploads what it recorded under its earlier id: any device of the same partner counts
    else if (!partnerDevices.has(record.deviceId)) results[position] = { id, status: 'rejected', reason: 'not a device of your partner' };
    else if (!knownIssuers.has(record.iss)) results[position] = { id, status: 'rejected', reason: 'unknown issuer' };
    else {
      const seen = accepted.get(record.id);
      if (!seen) accepted.set(record.id, { record, positions: [position] });
      else if (sameRecord(seen.record, record)) seen.positions.push(position);
      else results[position] = { id, status: 'rejected', reason: 'id already used' };
    }
  });
  if (accepted.size === 0) return results;

  // one order for every batch (by record id), so two uploads of overlapping records never deadlock (toolchain notes)
  const batch = [...accepted.values()].map((a) => a.record).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { inserted, refused } = await insertRecords(ctx, batch);
  for (const [recordId, reason] of refused) {
    for (const position of accepted.get(recordId)!.positions) results[position] = { id: (records[position] as { id: string }).id, status: 'rejected', reason };
    accepted.delete(recordId);
  }
  const stored = new Set(inserted.map((r) => String(r.id).toLowerCase()));
  const conflicts = batch.filter((r) => !stored.has(r.id) && !refused.has(r.id)).map((r) => r.id);
  const existing = new Map<string, RedemptionRecord>();
  if (conflicts.length > 0) {
    const rows = await ctx.db.query<{ id: string; redeemed_at: Date | string; offer_id: string; partner_id: string; device_id: string; iss: string; jti: string; verdict: RedemptionRecord['verdict']; photo_id_seen: boolean }>(
      'SELECT id, redeemed_at, offer_id, partner_id, device_id, iss, jti, verdict, photo_id_seen FROM redemptions WHERE id = ANY($1::uuid[])',
      [conflicts],
    );
    for (const row of rows) {
      existing.set(String(row.id).toLowerCase(), {
        id: String(row.id).toLowerCase(), redeemedAt: new Date(row.redeemed_at).toISOString(), offerId: row.offer_id, partnerId: row.partner_id,
        deviceId: row.device_id, iss: row.iss, jti: row.jti, verdict: row.verdict, ...(row.photo_id_seen ? { photoIdSeen: true as const } : {}),
      });
    }
  }
  const fresh = batch.filter((r) => stored.has(r.id));
  if (fresh.length > 0) {
    // issue 11 point 1: two tills offline may both have given a limited offer; both are kept, the later one flagged
    if (limits.offers.length > 0) await flagOverLimit(ctx.db, limits, fresh);
  }
  for (const { record, positions } of accepted.values()) {
    positions.forEach((position, n) => {
      const id = (records[position] as { id: string }).id;
      if (stored.has(record.id)) results[position] = n === 0 ? { id, status: 'stored' } : { id, status: 'duplicate' };
      else {
        const held = existing.get(record.id);
        results[position] = held && sameRecord(held, record) ? { id, status: 'duplicate' } : { id, status: 'rejected', reason: 'id already used' };
      }
    });
  }
  return results;
}

type Inserted = { inserted: { id: string }[]; refused: Map<string, string> };

/**
 * Inserts the sorted batch in one statement, and adds what it stored to the reports' totals in the same transaction.
 * Data the database refuses although the core let it through: each record alone then, so only the one it refuses is
 * rejected. Deadlocks and serialization failures are tried again.
 */
async function insertRecords(ctx: SchemeContext, batch: RedemptionRecord[]): Promise<Inserted> {
  try {
    return { inserted: await retryTransient(() => storeAndSummarise(ctx, batch)), refused: new Map() };
  } catch (error) {
    if (!isDataError(error)) throw error;
  }
  const inserted: { id: string }[] = [];
  const refused = new Map<string, string>();
  for (const record of batch) {
    try {
      inserted.push(...(await retryTransient(() => storeAndSummarise(ctx, [record]))));
    } catch (error) {
      if (!isDataError(error)) throw error;
      refused.set(record.id, `the scheme's database refused it (${(error as { code: string }).code})`);
    }
  }
  return { inserted, refused };
}

function storeAndSummarise(ctx: SchemeContext, batch: RedemptionRecord[]): Promise<{ id: string }[]> {
  return ctx.db.transaction(async (tx) => {
    const inserted = await insertStatement(ctx, tx, batch);
    const stored = new Set(inserted.map((r) => String(r.id).toLowerCase()));
    await summariseRedemptions(tx, stored.size === batch.length ? batch : batch.filter((r) => stored.has(r.id)));
    return inserted;
  });
}

function insertStatement(ctx: SchemeContext, q: Queryable, batch: RedemptionRecord[]): Promise<{ id: string }[]> {
  const column = <K extends keyof RedemptionRecord>(key: K) => batch.map((r) => r[key]);
  return q.query<{ id: string }>(
    `INSERT INTO redemptions (id, redeemed_at, offer_id, partner_id, device_id, iss, jti, verdict, photo_id_seen, received_at)
     SELECT u.id, u.redeemed_at, u.offer_id, u.partner_id, u.device_id, u.iss, u.jti, u.verdict, u.photo_id_seen, $10
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
         AS u (id, redeemed_at, offer_id, partner_id, device_id, iss, jti, verdict, photo_id_seen)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      column('id'), column('redeemedAt'), column('offerId'), column('partnerId'), column('deviceId'), column('iss'), column('jti'), column('verdict'),
      batch.map((r) => r.photoIdSeen === true),
      toDate(ctx.now()),
    ],
  );
}

/** SQLSTATE class 22 (data exception: a date out of range, a bad text) or 23 (a constraint): the record's fault. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

const TRANSIENT = new Set(['40P01', '40001']); // deadlock detected, serialization failure
const ATTEMPTS = 5;

/** Runs `work` again after a deadlock or a serialization failure, a few times, with a short jittered wait. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= attempts || typeof code !== 'string' || !TRANSIENT.has(code)) throw error;
      await new Promise((done) => setTimeout(done, 10 * attempt + Math.random() * 40 * attempt));
    }
  }
}

/** The issuers of the scheme, and which of the device ids the batch names belong to the uploading device's partner. */
async function ingestFacts(ctx: SchemeContext, device: Device, records: readonly unknown[]) {
  const named = [...new Set(records.map((r) => (r as { deviceId?: unknown } | null)?.deviceId).filter((d): d is string => typeof d === 'string'))];
  const [issuers, devices, offers] = await Promise.all([
    ctx.db.query<{ iss: string }>('SELECT iss FROM issuers'),
    ctx.db.query<{ id: string }>('SELECT id FROM devices WHERE partner_id = $1 AND id = ANY($2::text[])', [device.partnerId, named]),
    // the partner's limited offers and time zone, for the over-limit flag (one query, beside the others)
    ctx.db.query<{ time_zone: string; offer: Offer }>(
      `SELECT p.time_zone, o.offer FROM partners p JOIN offers o ON o.partner_id = p.id
        WHERE p.id = $1 AND o.offer->'limit'->>'kind' = 'per-period' ORDER BY o.position`,
      [device.partnerId],
    ),
  ]);
  const limits: LimitedOffers = { id: device.partnerId, timeZone: offers[0]?.time_zone ?? DEFAULT_TIME_ZONE, offers: offers.map((r) => r.offer) };
  return { knownIssuers: new Set(issuers.map((r) => r.iss)), partnerDevices: new Set([device.id, ...devices.map((r) => r.id)]), limits };
}

/** The same record: equal fields, with redeemedAt compared as an instant (…00Z and …00.000Z are one time). */
function sameRecord(a: RedemptionRecord, b: RedemptionRecord): boolean {
  return (
    Date.parse(a.redeemedAt) === Date.parse(b.redeemedAt) &&
    a.offerId === b.offerId && a.partnerId === b.partnerId && a.deviceId === b.deviceId &&
    a.iss === b.iss && a.jti === b.jti && a.verdict === b.verdict && (a.photoIdSeen === true) === (b.photoIdSeen === true)
  );
}
