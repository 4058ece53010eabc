// The reports' running totals (migration 010), kept by whatever stores redemptions, in the same transaction: one
// statement a batch. Only records the database has just stored may be given here (a duplicate or a refused record
// never is), so nothing is counted twice; a carer counts once per offer, partner, week and in all, by the sets'
// primary keys, even when two instances store records of the same carer at once.

import type { RedemptionRecord } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';
import { REPORT_TIME_ZONE } from './reports.ts';

export type Summarised = Pick<RedemptionRecord, 'redeemedAt' | 'partnerId' | 'offerId' | 'iss' | 'jti'>;

// Every insert goes in key order, so two batches lock shared rows in the same order (toolchain notes: 40P01).
const SUMMARISE = `
WITH b AS (
  SELECT u.partner_id, u.offer_id, u.iss, u.jti, date_trunc('week', u.at AT TIME ZONE '${REPORT_TIME_ZONE}')::date AS week
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u (partner_id, offer_id, iss, jti, at)),
new_offer AS (
  INSERT INTO report_offer_carers SELECT DISTINCT partner_id, offer_id, iss, jti FROM b ORDER BY 1, 2, 3, 4
  ON CONFLICT DO NOTHING RETURNING partner_id, offer_id),
new_partner AS (
  INSERT INTO report_partner_carers SELECT DISTINCT partner_id, iss, jti FROM b ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING RETURNING partner_id),
new_week AS (
  INSERT INTO report_week_carers SELECT DISTINCT week, iss, jti FROM b ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING RETURNING week),
new_carer AS (
  INSERT INTO report_carers SELECT DISTINCT iss, jti FROM b ORDER BY 1, 2
  ON CONFLICT DO NOTHING RETURNING iss),
offers AS (
  INSERT INTO report_offer_totals AS t (partner_id, offer_id, redemptions, carers)
  SELECT g.partner_id, g.offer_id, g.n, coalesce(c.n, 0)
    FROM (SELECT partner_id, offer_id, count(*) AS n FROM b GROUP BY 1, 2) g
    LEFT JOIN (SELECT partner_id, offer_id, count(*) AS n FROM new_offer GROUP BY 1, 2) c ON c.partner_id = g.partner_id AND c.offer_id = g.offer_id
   ORDER BY 1, 2
  ON CONFLICT (partner_id, offer_id) DO UPDATE SET redemptions = t.redemptions + excluded.redemptions, carers = t.carers + excluded.carers
  RETURNING 1),
partners AS (
  INSERT INTO report_partner_totals AS t (partner_id, redemptions, carers)
  SELECT g.partner_id, g.n, coalesce(c.n, 0)
    FROM (SELECT partner_id, count(*) AS n FROM b GROUP BY 1) g
    LEFT JOIN (SELECT partner_id, count(*) AS n FROM new_partner GROUP BY 1) c ON c.partner_id = g.partner_id
   ORDER BY 1
  ON CONFLICT (partner_id) DO UPDATE SET redemptions = t.redemptions + excluded.redemptions, carers = t.carers + excluded.carers
  RETURNING 1),
weeks AS (
  INSERT INTO report_week_totals AS t (week, redemptions, carers)
  SELECT g.week, g.n, coalesce(c.n, 0)
    FROM (SELECT week, count(*) AS n FROM b GROUP BY 1) g
    LEFT JOIN (SELECT week, count(*) AS n FROM new_week GROUP BY 1) c ON c.week = g.week
   ORDER BY 1
  ON CONFLICT (week) DO UPDATE SET redemptions = t.redemptions + excluded.redemptions, carers = t.carers + excluded.carers
  RETURNING 1)
SELECT (SELECT count(*) FROM new_carer) AS carers, (SELECT count(*) FROM offers) + (SELECT count(*) FROM partners) + (SELECT count(*) FROM weeks) AS totals`;

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
