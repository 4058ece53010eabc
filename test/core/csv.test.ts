// The core's CSV reader and register rows: files as Excel and hand-written scripts make them.

import { describe, expect, it } from 'vitest';
import { readCsv, readDate, readKind, readRegisterFile } from '../../src/core/index.ts';

const ISSUERS = [
  { iss: 'uk.test.vasl', name: 'Test Carers Service', cats: ['adult', 'young-adult', 'parent'] },
  { iss: 'uk.test.young', name: 'Test Young Carers', cats: ['young', 'young-adult'] },
];

describe('readCsv', () => {
  it('drops a byte order mark and reads CRLF and LF lines alike', () => {
    expect(readCsv('\uFEFFa,b\r\n1,2\n3,4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, counting the lines they span', () => {
    const rows = readCsv('name,note\r\n"O\'Brien, Siân","said ""hi""\r\nthen left"\r\nnext,row\r\n');
    expect(rows[1]).toEqual({ line: 2, cells: ["O'Brien, Siân", 'said "hi"\r\nthen left'] });
    expect(rows[2]).toEqual({ line: 4, cells: ['next', 'row'] });
  });

  it('keeps names in any script and formula-looking text as plain text', () => {
    const rows = readCsv('محمد علي,李小龙,Αλέξανδρος\n=HYPERLINK("x"),+44,@SUM(A1)\n');
    expect(rows.map((r) => r.cells)).toEqual([['محمد علي', '李小龙', 'Αλέξανδρος'], ['=HYPERLINK("x")', '+44', '@SUM(A1)']]);
    expect(rows[1]!.problem).toBeUndefined();
  });

  it('skips blank lines and rows of empty cells, as Excel leaves below a table', () => {
    expect(readCsv('a\r\n\r\n,,,\r\nb\r\n').map((r) => [r.line, r.cells[0]])).toEqual([[1, 'a'], [4, 'b']]);
  });

  it('marks a record whose quoting is broken, and reads on', () => {
    const rows = readCsv('a,b\n"x"y,z\nok,1\n"never closed\n');
    expect(rows[1]!.problem).toBe('text after a closing quote');
    expect(rows[2]).toEqual({ line: 3, cells: ['ok', '1'] });
    expect(rows[3]!.problem).toBe('a quoted field is never closed');
  });
});

describe('register rows', () => {
  it('reads columns in any order and case, kinds in plain words and UK dates', () => {
    const file = readRegisterFile('Issuer,EXPIRES,Name,Kind,Issued\r\nTest Young Carers,31/03/2027,Zoë,Young adult carers,1/4/2024\r\n', { issuers: ISSUERS, keepEmails: false });
    expect(file).toEqual({
      ok: true,
      emailsIgnored: false,
      rows: [{ line: 2, result: 'ok', passport: { iss: 'uk.test.young', cat: 'young-adult', name: 'Zoë', nbf: Date.UTC(2024, 3, 1) / 1000, exp: Date.UTC(2027, 3, 1) / 1000 - 1 } }],
    });
  });

  it('ignores emails when the scheme keeps none, and says so', () => {
    const file = readRegisterFile('name,kind,issued,expires,issuer,email\nAda,adult,2024-01-01,2027-01-01,uk.test.vasl,ada@example.org\n', { issuers: ISSUERS, keepEmails: false });
    expect(file.ok && file.emailsIgnored).toBe(true);
    expect(file.ok && file.rows[0]).toMatchObject({ result: 'ok', passport: { name: 'Ada' } });
    expect(file.ok && file.rows[0]!.result === 'ok' && 'email' in file.rows[0]!.passport).toBe(false);
  });

  it('refuses a file without a header naming the columns', () => {
    expect(readRegisterFile('Ada,adult,2024-01-01,2027-01-01,uk.test.vasl\n', { issuers: ISSUERS, keepEmails: false })).toMatchObject({ ok: false, problem: expect.stringMatching(/^line 1: unknown column "Ada"/) });
    expect(readRegisterFile('name,kind,issued\n', { issuers: ISSUERS, keepEmails: false })).toMatchObject({ ok: false, problem: expect.stringContaining('no expires, issuer column') });
  });

  it('knows the kinds of carer by their plain names and refuses others', () => {
    expect(['Adult carer', 'young', 'Young-Adult', 'PARENT CARERS', 'young_adult'].map(readKind)).toEqual(['adult', 'young', 'young-adult', 'parent', 'young-adult']);
    expect(['carer', 'older carer', ''].map(readKind)).toEqual([undefined, undefined, undefined]);
  });

  it('reads only real dates', () => {
    expect(readDate('2024-02-29')?.days).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(['2023-02-29', '31/04/2024', '2024-1-01', '01-01-2024', '13/13/2024', ''].map(readDate)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
