// An existing register brought in from a spreadsheet (issue 10): the header, then one passport a row. Each row is
// read into a passport to import or refused whole with its line and a reason; nothing here touches a database.

import { readCsv } from './csv.ts';
import { MAX_VALIDITY_SECONDS } from './passport-claims.ts';
import { CATEGORIES, type Category } from './trust-bundle.ts';
import { isPrintableText } from './printable-text.ts';

export const IMPORT_COLUMNS = ['name', 'kind', 'number', 'issued', 'expires', 'issuer', 'email'] as const;
const REQUIRED_COLUMNS = ['name', 'kind', 'issued', 'expires', 'issuer'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** Spec section 2: the passport number as printed on the card. */
export const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
export const MAX_NAME_LENGTH = 64;
const DAY = 86_400;

export type ImportIssuer = { iss: string; name: string; cats: readonly string[] };

export type ImportPassport = {
  iss: string;
  /** Absent when the row had none: the register numbers it. */
  jti?: string;
  cat: Category;
  name: string;
  /** 00:00 UTC on the issue date. */
  nbf: number;
  /** 23:59:59 UTC on the expiry date: the card is valid through the day printed on it. */
  exp: number;
  email?: string;
};

export type RefusalCode =
  | 'UNKNOWN_ISSUER' | 'BAD_KIND' | 'KIND_NOT_ALLOWED' | 'BAD_DATE' | 'EXPIRY_BEFORE_ISSUE' | 'TOO_LONG_VALIDITY'
  | 'DUPLICATE_NUMBER' | 'EMPTY_NAME' | 'NAME_TOO_LONG' | 'BAD_NAME' | 'BAD_NUMBER' | 'BAD_EMAIL' | 'BAD_ROW';

export type ImportRow =
  | { line: number; result: 'ok'; passport: ImportPassport }
  | { line: number; result: 'refused'; code: RefusalCode; reason: string };

export type RegisterFile =
  | { ok: true; rows: ImportRow[]; emailsIgnored: boolean }
  | { ok: false; problem: string };

export type ReadRegisterOptions = { issuers: readonly ImportIssuer[]; keepEmails: boolean };

export function readRegisterFile(text: string, options: ReadRegisterOptions): RegisterFile {
  const [header, ...records] = readCsv(text);
  if (!header) return { ok: false, problem: 'the file is empty: it needs a header row, then one passport a row' };
  const columns = new Map<Column, number>();
  for (const [position, cell] of header.cells.entries()) {
    const name = cell.trim().toLowerCase() as Column;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) return { ok: false, problem: `line ${header.line}: unknown column "${cell.trim()}" (the columns are ${IMPORT_COLUMNS.join(', ')})` };
    if (columns.has(name)) return { ok: false, problem: `line ${header.line}: the column ${name} appears twice` };
    columns.set(name, position);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) return { ok: false, problem: `line ${header.line}: the header has no ${missing.join(', ')} column (the first row must name the columns)` };

  const byKey = new Map<string, ImportIssuer>();
  for (const issuer of options.issuers) {
    byKey.set(issuer.iss.toLowerCase(), issuer);
    byKey.set(issuer.name.trim().toLowerCase(), issuer);
  }
  const seen = new Map<string, number>(); // issuer + number -> line of its first good row
  const rows: ImportRow[] = [];
  for (const record of records) {
    const cell = (column: Column) => {
      const at = columns.get(column);
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    const row = readRow(record.line, record.problem, cell, byKey, options.keepEmails);
    if (row.result === 'ok' && row.passport.jti !== undefined) {
      const key = `${row.passport.iss}\n${row.passport.jti}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rows.push(refuse(record.line, 'DUPLICATE_NUMBER', `passport number ${row.passport.jti} is also on line ${first}`));
        continue;
      }
      seen.set(key, record.line);
    }
    rows.push(row);
  }
  return { ok: true, rows, emailsIgnored: columns.has('email') && !options.keepEmails };
}

function readRow(
  line: number,
  problem: string | undefined,
  cell: (column: Column) => string,
  issuers: Map<string, ImportIssuer>,
  keepEmails: boolean,
): ImportRow {
  if (problem) return refuse(line, 'BAD_ROW', `the row cannot be read: ${problem}`);
  const issuerText = cell('issuer');
  const issuer = issuers.get(issuerText.toLowerCase());
  if (!issuer) return refuse(line, 'UNKNOWN_ISSUER', issuerText === '' ? 'no issuer' : `unknown issuer "${issuerText}"`);
  const name = cell('name').normalize('NFC');
  if (name === '') return refuse(line, 'EMPTY_NAME', 'no name');
  if ([...name].length > MAX_NAME_LENGTH) return refuse(line, 'NAME_TOO_LONG', `the name is longer than ${MAX_NAME_LENGTH} characters`);
  if (!isPrintableText(name)) return refuse(line, 'BAD_NAME', 'the name holds a character that cannot be printed (a control or direction character, or nothing visible)');
  const kindText = cell('kind');
  const cat = readKind(kindText);
  if (!cat) return refuse(line, 'BAD_KIND', `unknown kind of carer "${kindText}" (adult, young, young adult or parent carer)`);
  if (!issuer.cats.includes(cat)) return refuse(line, 'KIND_NOT_ALLOWED', `${issuer.name} does not issue passports to ${cat} carers`);
  const number = cell('number');
  if (number !== '' && !PASSPORT_NUMBER.test(number)) {
    return refuse(line, 'BAD_NUMBER', `passport number "${number}" is not capital letters, digits and dashes (at most 32, not starting with a dash)`);
  }
  const issued = readDate(cell('issued'));
  if (!issued) return refuse(line, 'BAD_DATE', `the issue date "${cell('issued')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  const expires = readDate(cell('expires'));
  if (!expires) return refuse(line, 'BAD_DATE', `the expiry date "${cell('expires')}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  if (expires.days < issued.days) return refuse(line, 'EXPIRY_BEFORE_ISSUE', 'the expiry date is before the issue date');
  if (expires.days > tenYearsAfter(issued)) return refuse(line, 'TOO_LONG_VALIDITY', 'the expiry date is more than 10 years after the issue date');
  const nbf = issued.days * DAY;
  // ten calendar years can be a day longer than the spec's 10 x 365.25 days: such a card ends that day earlier
  const exp = Math.min(expires.days * DAY + DAY - 1, nbf + MAX_VALIDITY_SECONDS);
  const email = cell('email');
  if (keepEmails && email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return refuse(line, 'BAD_EMAIL', `"${email}" is not an email address`);
  return {
    line,
    result: 'ok',
    passport: { iss: issuer.iss, ...(number === '' ? {} : { jti: number }), cat, name, nbf, exp, ...(keepEmails && email !== '' ? { email } : {}) },
  };
}

function refuse(line: number, code: RefusalCode, reason: string): ImportRow {
  return { line, result: 'refused', code, reason };
}

/** The core's categories, or plain words as a register writes them: "Adult carer", "Young adult carers", "parent". */
export function readKind(text: string): Category | undefined {
  const words = text.toLowerCase().replace(/[\s_-]+/g, ' ').trim().replace(/ carers?$/, '');
  const cat = words.replace(/ /g, '-');
  return (CATEGORIES as readonly string[]).includes(cat) ? (cat as Category) : undefined;
}

type CalendarDate = { year: number; month: number; day: number; days: number };

/** YYYY-MM-DD, or DD/MM/YYYY as UK Excel writes it (one-digit day and month too); a real date or nothing. */
export function readDate(text: string): CalendarDate | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : uk ? [uk[3], uk[2], uk[1]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined || year < 1970 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day, days: ms / (DAY * 1000) };
}

/** The same day ten years on (29 February to 28 February). */
function tenYearsAfter(date: CalendarDate): number {
  const ms = Date.UTC(date.year + 10, date.month - 1, date.day);
  const later = new Date(ms);
  const days = ms / (DAY * 1000);
  return later.getUTCDate() === date.day ? days : days - later.getUTCDate();
}
