// The scheme's measures of success (issue 4): redemptions per offer, partner and week; carers reached (distinct
// issuer + passport number); passports issued, renewed and revoked per month. Weeks start on Monday and months
// are counted in Europe/London time, as partners see them.

import { csvCell } from '../../core/index.ts';
import type { Queryable } from '../db/database.ts';

export const REPORT_TIME_ZONE = 'Europe/London';

export type Report = { report: string; title: string; columns: string[]; rows: Record<string, string | number>[] };

const tz = `'${REPORT_TIME_ZONE}'`;

export const REPORTS: Record<string, (q: Queryable) => Promise<Report>> = {
  async 'redemptions-by-offer'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT r.partner_id AS "partnerId", r.offer_id AS "offerId", coalesce(o.offer->>'title', r.offer_id) AS "offerTitle",
              count(*)::int AS redemptions, count(DISTINCT (r.iss, r.jti))::int AS carers
         FROM redemptions r LEFT JOIN offers o ON o.partner_id = r.partner_id AND o.id = r.offer_id
        GROUP BY r.partner_id, r.offer_id, o.offer->>'title' ORDER BY redemptions DESC, "partnerId", "offerId"`,
    );
    return { report: 'redemptions-by-offer', title: 'Redemptions per offer', columns: ['partnerId', 'offerId', 'offerTitle', 'redemptions', 'carers'], rows };
  },
  async 'redemptions-by-partner'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT r.partner_id AS "partnerId", coalesce(p.name, r.partner_id) AS "partnerName",
              count(*)::int AS redemptions, count(DISTINCT (r.iss, r.jti))::int AS carers
         FROM redemptions r LEFT JOIN partners p ON p.id = r.partner_id
        GROUP BY r.partner_id, p.name ORDER BY redemptions DESC, "partnerId"`,
    );
    return { report: 'redemptions-by-partner', title: 'Redemptions per partner', columns: ['partnerId', 'partnerName', 'redemptions', 'carers'], rows };
  },
  async 'redemptions-by-week'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT to_char(date_trunc('week', redeemed_at AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS "weekStarting",
              count(*)::int AS redemptions, count(DISTINCT (iss, jti))::int AS carers
         FROM redemptions GROUP BY 1 ORDER BY 1`,
    );
    return { report: 'redemptions-by-week', title: 'Redemptions per week (weeks start on Monday)', columns: ['weekStarting', 'redemptions', 'carers'], rows };
  },
  async 'carers-reached'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT count(DISTINCT (iss, jti))::int AS carers, count(*)::int AS redemptions,
              count(DISTINCT partner_id)::int AS partners FROM redemptions`,
    );
    return { report: 'carers-reached', title: 'Carers reached (distinct passports)', columns: ['carers', 'redemptions', 'partners'], rows };
  },
  async 'passports-by-month'(q) {
    const rows = await q.query<Record<string, string | number>>(
      `SELECT to_char(at AT TIME ZONE ${tz}, 'YYYY-MM') AS month,
              count(*) FILTER (WHERE action = 'passport.issue')::int AS issued,
              count(*) FILTER (WHERE action = 'passport.renew')::int AS renewed,
              count(*) FILTER (WHERE action = 'passport.revoke')::int AS revoked
         FROM audit_log WHERE action IN ('passport.issue', 'passport.renew', 'passport.revoke')
        GROUP BY 1 ORDER BY 1`,
    );
    return { report: 'passports-by-month', title: 'Passports issued, renewed and revoked per month', columns: ['month', 'issued', 'renewed', 'revoked'], rows };
  },
  // issue 11 point 1: given beyond its limit, at two tills while offline; both records are kept, the later flagged
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
