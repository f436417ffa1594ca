// Writing CSV (RFC 4180). A few lines rather than a library: writing is only quoting, and the
// rule is short — a cell holding a quote, a comma or a line break is put in quotes, its quotes
// doubled; so is one with spaces at either end, which some readers would otherwise trim.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as it stands in a file. */
export const csvQuote = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** One record: its cells quoted, joined by commas, ended by CRLF. */
export const csvLine = (cells: readonly string[]) => `${cells.map(csvQuote).join(',')}\r\n`;
