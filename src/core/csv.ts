// RFC 4180 CSV as spreadsheets write it: quoted fields (with "" for a quote, commas and line breaks inside), CRLF or
// LF line ends, UTF-8 with or without a byte order mark. Every cell stays text: nothing is evaluated or converted.

export type CsvRecord = {
  /** The file's line (from 1) where the record starts; a quoted line break makes a record span several lines. */
  line: number;
  cells: string[];
  /** Set when the quoting is broken; the cells are then what could be read. */
  problem?: string;
};

const BOM = '\uFEFF';

/** Reads every record, skipping blank lines (and rows of empty cells, as Excel leaves below a table). */
export function readCsv(text: string): CsvRecord[] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let problem: string | undefined;
    let cell = '';
    let ended = false;
    while (!ended) {
      if (i < n && source[i] === '"' && cell === '') {
        // a quoted field: runs to the next lone quote
        i++;
        let closed = false;
        while (i < n) {
          const c = source[i]!;
          if (c === '"') {
            if (source[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
          cell += c;
          i++;
        }
        if (!closed) problem ??= 'a quoted field is never closed';
        // anything between the closing quote and the next comma is kept, but the record is marked
        while (i < n && source[i] !== ',' && source[i] !== '\n' && source[i] !== '\r') {
          problem ??= 'text after a closing quote';
          cell += source[i];
          i++;
        }
      } else {
        // a quote inside an unquoted field is kept as it is (hand-written files do this), as Excel reads it
        const from = i;
        while (i < n && source[i] !== ',' && source[i] !== '\n' && source[i] !== '\r') i++;
        cell = source.slice(from, i);
      }
      cells.push(cell);
      cell = '';
      if (i >= n) ended = true;
      else if (source[i] === ',') i++;
      else {
        // \r\n, \n or a lone \r ends the record
        i += source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      }
    }
    if (cells.some((c) => c.trim() !== '') || problem) records.push({ line: start, cells, ...(problem ? { problem } : {}) });
  }
  return records;
}
