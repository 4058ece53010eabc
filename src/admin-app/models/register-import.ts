// The Import screen's words: the service's summary of an import or a dry run, and the refused rows as a CSV to fix
// and send again. Pure functions, so a test reads them without a browser.

import { csvCell } from '../../core/redemption.ts';

export type RefusedRow = { line: number; code: string; reason: string };

export type ImportSummary = { dryRun: boolean; imported: number; alreadyPresent: number; refused: RefusedRow[]; emailsIgnored: boolean };

/** The largest file the service takes (src/server/register/register-routes.ts): about 100,000 passports. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How many refused rows the page lists; the rest are in the CSV download. */
export const LISTED_REFUSALS = 200;

const n = (count: number) => count.toLocaleString('en-GB');

/** "Dry run: 9,980 would be imported, 0 already in the register, 20 refused. Nothing has changed yet." */
export function summaryWords(summary: ImportSummary): string {
  const refused = summary.refused.length;
  if (summary.dryRun) {
    return `Dry run: ${n(summary.imported)} would be imported, ${n(summary.alreadyPresent)} already in the register, ${n(refused)} refused. Nothing has changed yet.`;
  }
  return `Imported ${n(summary.imported)}, already present ${n(summary.alreadyPresent)}, refused ${n(refused)}.`;
}

/** The refused rows as CSV (line, reason), for a spreadsheet beside the file. */
export function refusedCsv(refused: readonly RefusedRow[]): string {
  return ['line,code,reason', ...refused.map((r) => `${r.line},${csvCell(r.code)},${csvCell(r.reason)}`)].join('\r\n') + '\r\n';
}

/** Why a chosen file cannot be sent at all, in words; undefined when it can. */
export function fileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_FILE_BYTES) return `${file.name} is larger than 20 MB (about 100,000 passports): split it into smaller files.`;
  if (!/\.(csv|txt)$/i.test(file.name)) return `${file.name} is not a CSV file. In Excel, use "Save as" and choose "CSV UTF-8".`;
  return undefined;
}
