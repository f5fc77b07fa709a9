// How every CSV file Wijkweb sends is written (the directory export and the gemeente's
// coverage table alike), decided once; server/csv/FORMAT.md explains the choices:
// UTF-8 with a byte-order mark (Excel-NL), `;` between fields (Dutch Excel uses `,` as the
// decimal sign), CRLF line ends, and a cell starting with = + - @ written with a leading
// apostrophe so a spreadsheet shows it as text instead of running it (CSV injection).
import { stringify } from 'csv-stringify/sync';

export const CSV_DELIMITER = ';';
export const CSV_FORMULA = /^[=+\-@\t\r]/;

export function toCsv(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const safe = rows.map((row) => row.map((cell) => (CSV_FORMULA.test(cell) ? `'${cell}` : cell)));
  return stringify([headers, ...safe], { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows', eof: true });
}
