// How the admin UI shows a report from /v1/reports/:name ({ report, title, columns, rows }): the columns' words, which
// columns are the numbers to chart and which name a row, and the rows between two dates for reports by week or month.
// The service decides the numbers; nothing here counts.

export type Report = { report: string; title: string; columns: string[]; rows: Record<string, string | number>[] };

/** The list's names for the service's reports; a report added to the service shows under its own name until here. */
export const REPORT_NAMES: Record<string, string> = {
  'passports-by-month': 'Passports issued, renewed and cancelled per month',
  'passports-by-issuer': 'Passports per issuer',
  'passports-by-kind': 'Passports per kind of carer',
  'passports-by-month-issuer-kind': 'Passports per month, issuer and kind of carer',
  'carers-reached': 'Carers reached',
  'redemptions-by-partner': 'Offers used per partner',
  'redemptions-by-offer': 'Offers used per offer',
  'redemptions-by-area': 'Offers used per area',
  'redemptions-by-week': 'Offers used per week',
  'recognitions-in-hospitals': 'Carers recognised in hospitals',
  'over-limit': 'Given over the limit (two tills offline)',
};

const COLUMN_WORDS: Record<string, string> = {
  partnerId: 'Partner id', partnerName: 'Partner', offerId: 'Offer id', offerTitle: 'Offer', iss: 'Issuer id', issuerName: 'Issuer',
  jti: 'Passport number', kind: 'Kind of carer', month: 'Month', weekStarting: 'Week starting', area: 'Area', redeemedAt: 'When (UTC)',
  deviceId: 'Device', revoked: 'Cancelled',
};

/** "offerTitle" -> "Offer"; an unknown column "carersSeen" -> "Carers seen". */
export function columnWords(column: string): string {
  const known = COLUMN_WORDS[column];
  if (known) return known;
  const words = column.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The columns that hold counts (numbers in every row); a column of identifiers is never counted. */
export function numberColumns(report: Report): string[] {
  return report.columns.filter((c) => report.rows.length > 0 && report.rows.every((r) => typeof r[c] === 'number'));
}

/** An id column and the column that names the same thing in words: the chart shows the words. */
const NAMED_BY: Record<string, readonly string[]> = { partnerId: ['partnerName'], offerId: ['offerTitle'], iss: ['issuerName'] };

/** What names a row on the chart: its text columns, an id left out where the report also has its name. */
export function rowLabel(report: Report, row: Record<string, string | number>): string {
  const counted = new Set(numberColumns(report));
  const named = (c: string) => (NAMED_BY[c] ?? []).some((words) => report.columns.includes(words) && row[words] !== undefined && row[words] !== null && row[words] !== '');
  const shown = report.columns.filter((c) => !counted.has(c) && !named(c) && row[c] !== undefined && row[c] !== null && row[c] !== '');
  return shown.map((c) => String(row[c])).join(' · ') || report.title;
}

/** The column that dates a row (month YYYY-MM or week YYYY-MM-DD), when the report has one. */
export function timeColumn(report: Report): 'month' | 'weekStarting' | undefined {
  return report.columns.includes('month') ? 'month' : report.columns.includes('weekStarting') ? 'weekStarting' : undefined;
}

/** The rows from `from` to `to` inclusive (YYYY-MM-DD days; empty for no bound), by the row's month or week. */
export function rowsBetween(report: Report, from: string, to: string): Report['rows'] {
  const column = timeColumn(report);
  if (!column || (from === '' && to === '')) return report.rows;
  return report.rows.filter((row) => {
    const when = String(row[column]);
    // a month counts when any of its days is inside (the 31st stands for its last day in a text comparison)
    const first = column === 'month' ? `${when}-01` : when;
    const last = column === 'month' ? `${when}-31` : when;
    return (from === '' || last >= from) && (to === '' || first <= to);
  });
}
