// CSV both ways (RFC 4180): reading a roster with the line each record starts on, and writing cells that a
// spreadsheet shows as text, never runs as a formula.

export interface CsvRecord {
  /** 1-based line of the file the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/** Parses CSV text: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a BOM is dropped. */
export function parseCsv(text: string): { records: CsvRecord[]; unterminatedQuoteLine: number | null } {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;

  const endRecord = (): void => {
    fields.push(field);
    // A blank line is no record (spreadsheets leave them at the end).
    if (touched || fields.length > 1) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    touched = false;
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      touched = true;
    }
  }
  if (quoted) return { records, unterminatedQuoteLine: quoteLine };
  endRecord();
  return { records, unterminatedQuoteLine: null };
}

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP); tab and CR too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formulas neutralised with a leading apostrophe, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text, CRLF line ends as RFC 4180 has them. */
export function formatCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
