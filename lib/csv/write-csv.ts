import { stringify } from 'csv-stringify/sync';

/** Rows as CSV text (RFC 4180: quoted where needed, CRLF), with a BOM so spreadsheets read UTF-8. */
export const csvText = (rows: string[][], { bom = false } = {}) =>
  stringify(rows, { bom, record_delimiter: 'windows' });

/** A CSV download's headers. */
export const csvDownloadHeaders = (fileName: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
  'cache-control': 'no-store',
});
