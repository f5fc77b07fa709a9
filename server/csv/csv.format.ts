// The file format of every Wijkweb CSV, decided once (server/csv/FORMAT.md):
// - UTF-8 with a byte-order mark, because Excel-NL reads a BOM-less file as Windows-1252
//   and mangles "ë"; the importer accepts files with and without it.
// - `;` between fields, because Dutch Excel uses `,` as the decimal sign and saves `;`;
//   the importer accepts `;` and `,` (it looks at the header line).
// - CRLF line ends (RFC 4180), values quoted only when needed, lists joined with `|`.
// - A cell starting with = + - @ is written with a leading apostrophe, so a spreadsheet
//   shows it as text instead of running it as a formula (CSV injection); the importer
//   removes that one apostrophe again.
// Export → import → export is byte-identical because the exporter never varies from this.
// The columns of each kind are documented in server/csv/FORMAT.md.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const BOM = '\uFEFF';
const DELIMITER = ';';
export const LIST_SEPARATOR = '|';

const FORMULA = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

export function toCsv(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const safe = rows.map((row) => row.map((cell) => (FORMULA.test(cell) ? `'${cell}` : cell)));
  return stringify([headers, ...safe], { bom: true, delimiter: DELIMITER, record_delimiter: 'windows', eof: true });
}

interface CsvRecord { row: number; values: string[] }
type ParsedCsv =
  | { ok: true; header: string[]; records: CsvRecord[]; delimiter: string }
  | { ok: false; message: string; row: number };

/** The delimiter of a file: whichever of `;` and `,` its header line has more of. */
function sniffDelimiter(text: string): ';' | ',' {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** Parses a whole file; rows are numbered as a spreadsheet shows them (the header is row 1). */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = sniffDelimiter(text);
  try {
    const rows = parse(text, {
      bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    if (rows.length === 0) return { ok: false, message: 'Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.', row: 1 };
    const [head, ...rest] = rows;
    return {
      ok: true, delimiter,
      header: head!.record.map((h) => h.trim().toLowerCase()),
      records: rest.map((r, i) => ({ row: i + 2, values: r.record.map((cell) => (GUARDED.test(cell) ? cell.slice(1) : cell)) })),
    };
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    return { ok: false, message: `Het bestand is geen geldige CSV (${e.code ?? 'parse error'}).`, row: e.lines ?? 1 };
  }
}
