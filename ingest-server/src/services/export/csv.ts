// CSV download of a table (RFC 4180: CRLF line ends, quoted text with doubled quotes), UTF-8 with a BOM so Excel
// opens Chinese correctly; text cells are made inert against formula injection, numbers stay plain numbers.
import { cellOf, type Column, escapeFormula, numberText } from './columns';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

// every text field is quoted (OWASP: quote, prefix, double the quotes), so commas, quotes and line breaks stay inside it
const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

const field = <Row>(column: Column<Row>, row: Row): string => {
  const cell = cellOf(column.kind, column.value(row));
  if (cell.type === 'empty') return '';
  if (cell.type === 'text') return quote(cell.text);
  return numberText(column.kind, cell.value);
};

/** The CSV of a table line by line (BOM and header first), for streaming a download. */
export function* csvLines<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): Generator<string> {
  yield `${BOM}${columns.map((c) => quote(escapeFormula(c.header))).join(',')}\r\n`;
  for (const row of rows) yield `${columns.map((c) => field(c, row)).join(',')}\r\n`;
}

/** The CSV text of a table, header row first, starting with a BOM. */
export const toCsv = <Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string => [...csvLines(columns, rows)].join('');
