// How the admin UI reads a report for its chart and table: which columns are counts, what names a row, and the rows
// of a report by month or week between two days.

import { describe, expect, it } from 'vitest';
import { layoutBars } from '../../src/charts/bar-layout.ts';
import { columnWords, numberColumns, rowLabel, rowsBetween, timeColumn, type Report } from '../../src/admin-app/screens/reports-table.ts';

const byOffer: Report = {
  report: 'redemptions-by-offer', title: 'Redemptions per offer', columns: ['partnerId', 'offerId', 'offerTitle', 'redemptions', 'carers'],
  rows: [
    { partnerId: 'corner-shop', offerId: 'coffee', offerTitle: 'Free coffee', redemptions: 12, carers: 5 },
    { partnerId: 'corner-shop', offerId: 'tea', offerTitle: 'Tea', redemptions: 3, carers: 3 },
  ],
};
const byMonth: Report = {
  report: 'passports-by-month', title: 'Passports per month', columns: ['month', 'issued', 'renewed', 'revoked'],
  rows: ['2026-10', '2026-11', '2026-12', '2027-01'].map((month, i) => ({ month, issued: i * 10, renewed: i, revoked: 0 })),
};

describe('reports in the admin UI', () => {
  it('charts the counts and names rows by their text, an id left out where its name is there', () => {
    expect(numberColumns(byOffer)).toEqual(['redemptions', 'carers']);
    expect(rowLabel(byOffer, byOffer.rows[0]!)).toBe('corner-shop · Free coffee');
    const perMonth: Report = { report: 'x', title: 'X', columns: ['month', 'iss', 'kind', 'issued'], rows: [{ month: '2027-01', iss: 'uk.llr.vasl', kind: 'adult', issued: 3 }] };
    expect(rowLabel(perMonth, perMonth.rows[0]!)).toBe('2027-01 · uk.llr.vasl · adult');
    const perPartner: Report = { report: 'x', title: 'X', columns: ['partnerId', 'partnerName', 'redemptions'], rows: [{ partnerId: 'corner-shop', partnerName: 'Corner Shop', redemptions: 3 }] };
    expect(rowLabel(perPartner, perPartner.rows[0]!)).toBe('Corner Shop');
    const byIssuer: Report = { report: 'x', title: 'X', columns: ['iss', 'issued'], rows: [{ iss: 'uk.llr.vasl', issued: 4 }] };
    expect(rowLabel(byIssuer, byIssuer.rows[0]!)).toBe('uk.llr.vasl');
  });

  it('names columns in words', () => {
    expect(['offerTitle', 'revoked', 'weekStarting', 'carersSeenTwice'].map(columnWords)).toEqual(['Offer', 'Cancelled', 'Week starting', 'Carers seen twice']);
  });

  it('narrows a report by month to the months touching the days given', () => {
    expect(timeColumn(byMonth)).toBe('month');
    expect(timeColumn(byOffer)).toBeUndefined();
    expect(rowsBetween(byMonth, '2026-11-15', '2026-12-01').map((r) => r.month)).toEqual(['2026-11', '2026-12']);
    expect(rowsBetween(byMonth, '', '2026-10-31').map((r) => r.month)).toEqual(['2026-10']);
    expect(rowsBetween(byMonth, '', '')).toHaveLength(4);
    expect(rowsBetween(byOffer, '2027-01-01', '2027-01-31')).toHaveLength(2);
  });

  it('draws bars to scale with the largest value, zeros flat, labels shortened', () => {
    const layout = layoutBars([{ label: 'A'.repeat(40), value: 10 }, { label: 'B', value: 5 }, { label: 'C', value: 0 }]);
    expect(layout.rows.map((r) => r.width)).toEqual([360, 180, 0]);
    expect(layout.rows[0]!.label).toBe(`${'A'.repeat(31)}…`);
    expect(layout.rows[1]!.valueText).toBe('5');
    expect(layoutBars([{ label: 'none', value: 0 }]).rows[0]!.width).toBe(0);
  });
});
