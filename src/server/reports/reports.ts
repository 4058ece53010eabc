// The scheme's measures of success (issues 4 and 10): redemptions per offer, partner, area and week; recognitions on
// hospital wards; carers reached (distinct issuer + passport number); passports issued, renewed and revoked (cancelled)
// per month, issuer and kind of carer. Weeks start on Monday and months are counted in Europe/London time, as partners
// see them.

import { csvCell } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';

export const REPORT_TIME_ZONE = 'Europe/London';

export type Report = { report: string; title: string; columns: string[]; rows: Record<string, string | number>[] };

const tz = `'${REPORT_TIME_ZONE}'`;

/**
 * Every issue, renewal and revocation with its month, issuer and kind. Issued counts the register itself (an imported
 * passport in the month it was first issued); renewals and revocations come from the audit log.
 */
const PASSPORT_EVENTS = `
  SELECT 'issued' AS event, to_char(issued_at AT TIME ZONE ${tz}, 'YYYY-MM') AS month, iss, category FROM passports
  UNION ALL
  SELECT CASE a.action WHEN 'passport.renew' THEN 'renewed' ELSE 'revoked' END, to_char(a.at AT TIME ZONE ${tz}, 'YYYY-MM'), a.iss, p.category
    FROM audit_log a JOIN passports p ON p.iss = a.iss AND p.jti = a.jti
   WHERE a.action IN ('passport.renew', 'passport.revoke')`;

/** `now` (seconds) decides which passports are current; default the database's clock. */
export const REPORTS: Record<string, (q: Queryable, now?: number) => Promise<Report>> = {
  // the redemption reports read the totals ingest keeps (migration 010, report-summaries.ts), never the records
  async 'redemptions-by-offer'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT t.partner_id AS "partnerId", t.offer_id AS "offerId", coalesce(o.offer->>'title', t.offer_id) AS "offerTitle",
              t.redemptions::int AS redemptions, t.carers::int AS carers
         FROM report_offer_totals t LEFT JOIN offers o ON o.partner_id = t.partner_id AND o.id = t.offer_id
        ORDER BY redemptions DESC, "partnerId", "offerId"`,
    );
    return { report: 'redemptions-by-offer', title: 'Redemptions per offer', columns: ['partnerId', 'offerId', 'offerTitle', 'redemptions', 'carers'], rows };
  },
  async 'redemptions-by-partner'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT t.partner_id AS "partnerId", coalesce(p.name, t.partner_id) AS "partnerName", t.redemptions::int AS redemptions, t.carers::int AS carers
         FROM report_partner_totals t LEFT JOIN partners p ON p.id = t.partner_id
        ORDER BY redemptions DESC, "partnerId"`,
    );
    return { report: 'redemptions-by-partner', title: 'Redemptions per partner', columns: ['partnerId', 'partnerName', 'redemptions', 'carers'], rows };
  },
  async 'redemptions-by-week'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT to_char(week, 'YYYY-MM-DD') AS "weekStarting", redemptions::int AS redemptions, carers::int AS carers
         FROM report_week_totals ORDER BY week`,
    );
    return { report: 'redemptions-by-week', title: 'Redemptions per week (weeks start on Monday)', columns: ['weekStarting', 'redemptions', 'carers'], rows };
  },
  async 'carers-reached'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT (SELECT count(*) FROM (SELECT DISTINCT iss, jti FROM report_partner_carers) c)::int AS carers, coalesce(sum(redemptions), 0)::int AS redemptions, count(*)::int AS partners
         FROM report_partner_totals`,
    );
    return { report: 'carers-reached', title: 'Carers reached (distinct passports)', columns: ['carers', 'redemptions', 'partners'], rows };
  },
  async 'redemptions-by-area'(q) {
    // a partner's area when its profile has one, else the partner stands for its area (read now: a partner may move);
    // an area of one partner has that partner's carers, and only areas of several count their carers again
    const rows = await q.query<Record<string, string | number>>(
      `WITH areas AS (
         SELECT t.partner_id, t.redemptions, t.carers, coalesce(nullif(to_jsonb(p)->>'area', ''), p.name, t.partner_id) AS area
           FROM report_partner_totals t LEFT JOIN partners p ON p.id = t.partner_id),
       grouped AS (
         SELECT area, count(*)::int AS partners, sum(redemptions)::int AS redemptions, sum(carers)::int AS carers FROM areas GROUP BY area),
       shared AS (
         SELECT x.area, count(*)::int AS carers
           FROM (SELECT DISTINCT a.area, c.iss, c.jti
                   FROM report_partner_carers c JOIN areas a ON a.partner_id = c.partner_id
                  WHERE a.area IN (SELECT area FROM grouped WHERE partners > 1)) x
          GROUP BY x.area)
       SELECT g.area, g.partners, g.redemptions, coalesce(s.carers, g.carers) AS carers
         FROM grouped g LEFT JOIN shared s ON s.area = g.area ORDER BY g.redemptions DESC, g.area`,
    );
    return { report: 'redemptions-by-area', title: 'Redemptions per area (or per partner where no area is set)', columns: ['area', 'partners', 'redemptions', 'carers'], rows };
  },
  async 'recognitions-in-hospitals'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT t.partner_id AS "partnerId", p.name AS "partnerName", t.offer_id AS "offerId", coalesce(o.offer->>'title', t.offer_id) AS "offerTitle",
              t.redemptions::int AS recognitions, t.carers::int AS carers
         FROM report_offer_totals t
         JOIN partners p ON p.id = t.partner_id AND p.kind = 'hospital-ward'
         JOIN offers o ON o.partner_id = t.partner_id AND o.id = t.offer_id AND o.offer->>'kind' = 'recognition'
        ORDER BY recognitions DESC, "partnerId", "offerId"`,
    );
    return { report: 'recognitions-in-hospitals', title: 'Carers recognised on hospital wards', columns: ['partnerId', 'partnerName', 'offerId', 'offerTitle', 'recognitions', 'carers'], rows };
  },
  async 'passports-by-month'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `WITH events AS (${PASSPORT_EVENTS})
       SELECT month, count(*) FILTER (WHERE event = 'issued')::int AS issued, count(*) FILTER (WHERE event = 'renewed')::int AS renewed,
              count(*) FILTER (WHERE event = 'revoked')::int AS revoked
         FROM events GROUP BY 1 ORDER BY 1`,
    );
    return { report: 'passports-by-month', title: 'Passports issued, renewed and revoked per month', columns: ['month', 'issued', 'renewed', 'revoked'], rows };
  },
  async 'passports-by-issuer'(q, now) {
    const rows = await q.query<Record<string, string | number>>(
      `WITH events AS (${PASSPORT_EVENTS}),
       current AS (SELECT iss, count(*)::int AS n FROM passports WHERE status = 0 AND exp > coalesce($1::bigint, extract(epoch FROM now())) GROUP BY iss)
       SELECT e.iss, coalesce(i.name, e.iss) AS "issuerName", count(*) FILTER (WHERE event = 'issued')::int AS issued,
              count(*) FILTER (WHERE event = 'renewed')::int AS renewed, count(*) FILTER (WHERE event = 'revoked')::int AS revoked,
              coalesce(c.n, 0) AS current
         FROM events e LEFT JOIN issuers i ON i.iss = e.iss LEFT JOIN current c ON c.iss = e.iss
        GROUP BY e.iss, i.name, c.n ORDER BY e.iss`,
      [now ?? null],
    );
    return { report: 'passports-by-issuer', title: 'Passports issued, renewed and revoked per issuer, and current now', columns: ['iss', 'issuerName', 'issued', 'renewed', 'revoked', 'current'], rows };
  },
  async 'passports-by-kind'(q, now) {
    const rows = await q.query<Record<string, string | number>>(
      `WITH events AS (${PASSPORT_EVENTS}),
       current AS (SELECT category, count(*)::int AS n FROM passports WHERE status = 0 AND exp > coalesce($1::bigint, extract(epoch FROM now())) GROUP BY category)
       SELECT e.category AS kind, count(*) FILTER (WHERE event = 'issued')::int AS issued,
              count(*) FILTER (WHERE event = 'renewed')::int AS renewed, count(*) FILTER (WHERE event = 'revoked')::int AS revoked,
              coalesce(c.n, 0) AS current
         FROM events e LEFT JOIN current c ON c.category = e.category GROUP BY e.category, c.n ORDER BY e.category`,
      [now ?? null],
    );
    return { report: 'passports-by-kind', title: 'Passports issued, renewed and revoked per kind of carer, and current now', columns: ['kind', 'issued', 'renewed', 'revoked', 'current'], rows };
  },
  async 'passports-by-month-issuer-kind'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `WITH events AS (${PASSPORT_EVENTS})
       SELECT month, iss, category AS kind, count(*) FILTER (WHERE event = 'issued')::int AS issued,
              count(*) FILTER (WHERE event = 'renewed')::int AS renewed, count(*) FILTER (WHERE event = 'revoked')::int AS revoked
         FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    return { report: 'passports-by-month-issuer-kind', title: 'Passports per month, issuer and kind of carer', columns: ['month', 'iss', 'kind', 'issued', 'renewed', 'revoked'], rows };
  },
  // issue 11 point 1: given beyond its limit, at two tills while offline; both records are kept, the later flagged
  // (read through the partial index of flagged records: migration 010)
  async 'over-limit'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT r.partner_id AS "partnerId", r.offer_id AS "offerId", o.offer->>'title' AS "offerTitle", r.iss, r.jti,
              to_char(r.redeemed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "redeemedAt", r.device_id AS "deviceId"
         FROM redemptions r LEFT JOIN offers o ON o.partner_id = r.partner_id AND o.id = r.offer_id
        WHERE r.over_limit ORDER BY r.redeemed_at, r.id`,
    );
    return {
      report: 'over-limit',
      title: 'Over limit: given at two tills while offline',
      columns: ['partnerId', 'offerId', 'offerTitle', 'iss', 'jti', 'redeemedAt', 'deviceId'],
      rows,
    };
  },
};

export const REPORT_NAMES = Object.keys(REPORTS);

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe. */
export function toCsv(report: Report): string {
  // numbers are written as they are (a negative count is not a formula); text goes through the core's csvCell
  const cell = (value: string | number | undefined) => (value === undefined ? '' : typeof value === 'number' ? String(value) : csvCell(value));
  const lines = [report.columns.join(','), ...report.rows.map((row) => report.columns.map((c) => cell(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
