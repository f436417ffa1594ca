// Writing CSV (RFC 4180). A few lines rather than a library: writing is only quoting, and the
// rule is short — a cell holding a quote, a comma or a line break is put in quotes, its quotes
// doubled; so is one with spaces at either end, which some readers would otherwise trim.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A byte-order mark: spreadsheets then read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One cell as it stands in a file. */
export const csvQuote = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** One record: its cells quoted, joined by commas, ended by CRLF. */
export const csvLine = (cells: readonly string[]) => `${cells.map(csvQuote).join(',')}\r\n`;

/** Rows as CSV text, with a byte-order mark when asked. */
export const csvText = (rows: readonly (readonly string[])[], { bom = false } = {}) =>
  `${bom ? CSV_BOM : ''}${rows.map(csvLine).join('')}`;

/** A CSV download's headers. */
export const csvDownloadHeaders = (fileName: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});
