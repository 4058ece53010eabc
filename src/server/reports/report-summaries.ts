// The reports' running totals (migration 010), kept by whatever stores redemptions, in the same transaction: one
// statement a batch. Only records the database has just stored may be given here (a duplicate or a refused record
// never is), so nothing is counted twice; a carer counts once per offer, partner, week and in all, by the sets'
// primary keys, even when two instances store records of the same carer at once.

import type { RedemptionRecord } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';
import { REPORT_TIME_ZONE } from './reports.ts';

export type Summarised = Pick<RedemptionRecord, 'redeemedAt' | 'partnerId' | 'offerId' | 'iss' | 'jti'>;

/** A carers set: the batch's (keys, carer) not yet in it go in, and come back as the new sightings. */
const carersSet = (name: string, table: string, columns: string[]) => `${name} AS (
  INSERT INTO ${table} SELECT DISTINCT ${columns.join(', ')} FROM b ORDER BY ${columns.map((_, i) => i + 1).join(', ')}
  ON CONFLICT DO NOTHING RETURNING ${columns[0]})`;

/** A totals table: the batch's records by key, and the carers its set saw for the first time, added to the totals. */
const totals = (name: string, table: string, key: string, seen: string) => `${name} AS (
  INSERT INTO ${table} AS t (${key}, redemptions, carers)
  SELECT g.${key}, g.n, coalesce(c.n, 0)
    FROM (SELECT ${key}, count(*) AS n FROM b GROUP BY ${key}) g
    LEFT JOIN (SELECT ${key}, count(*) AS n FROM ${seen} GROUP BY ${key}) c ON c.${key} = g.${key}
   ORDER BY 1
  ON CONFLICT (${key}) DO UPDATE SET redemptions = t.redemptions + excluded.redemptions, carers = t.carers + excluded.carers
  RETURNING 1)`;

// Every insert goes in key order, so two batches lock shared rows in the same order (toolchain notes: 40P01).
const SUMMARISE = `
WITH b AS (
  SELECT u.partner_id, u.offer_id, u.iss, u.jti, date_trunc('week', u.at AT TIME ZONE '${REPORT_TIME_ZONE}')::date AS week
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u (partner_id, offer_id, iss, jti, at)),
${carersSet('new_offer', 'report_offer_carers', ['partner_id', 'offer_id', 'iss', 'jti']).replace('RETURNING partner_id', 'RETURNING partner_id, offer_id')},
${carersSet('new_partner', 'report_partner_carers', ['partner_id', 'iss', 'jti'])},
${carersSet('new_week', 'report_week_carers', ['week', 'iss', 'jti'])},
offers AS (
  INSERT INTO report_offer_totals AS t (partner_id, offer_id, redemptions, carers)
  SELECT g.partner_id, g.offer_id, g.n, coalesce(c.n, 0)
    FROM (SELECT partner_id, offer_id, count(*) AS n FROM b GROUP BY 1, 2) g
    LEFT JOIN (SELECT partner_id, offer_id, count(*) AS n FROM new_offer GROUP BY 1, 2) c ON c.partner_id = g.partner_id AND c.offer_id = g.offer_id
   ORDER BY 1, 2
  ON CONFLICT (partner_id, offer_id) DO UPDATE SET redemptions = t.redemptions + excluded.redemptions, carers = t.carers + excluded.carers
  RETURNING 1),
${totals('partners', 'report_partner_totals', 'partner_id', 'new_partner')},
${totals('weeks', 'report_week_totals', 'week', 'new_week')}
SELECT (SELECT count(*) FROM offers) + (SELECT count(*) FROM partners) + (SELECT count(*) FROM weeks) AS totals`;

/** Adds just-stored records to the reports' totals: call it inside the transaction that stored them. */
export async function summariseRedemptions(q: Queryable, records: readonly Summarised[]): Promise<void> {
  if (records.length === 0) return;
  await q.query(SUMMARISE, [
    records.map((r) => r.partnerId), records.map((r) => r.offerId), records.map((r) => r.iss), records.map((r) => r.jti), records.map((r) => r.redeemedAt),
  ]);
}

/** Makes every total again from the stored redemptions (migration 010's function), after records were loaded in bulk. */
export async function rebuildReportSummaries(q: Queryable): Promise<void> {
  await q.query('SELECT rebuild_report_summaries()');
}
