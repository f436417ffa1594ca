// The CSV export of the default view (every active customer), against its floor measured in the
// same run: the same rows and CSV columns read by the same keyset pages (one statement a page)
// straight through the driver, with nothing written. The export's rate is rows per second over HTTP, as a browser downloads it;
// its memory is how much the server's peak resident size (VmHWM) rose while it streamed.
import { getTableColumns } from 'drizzle-orm';
import type { Database } from '../../db';
import { customers } from '../../db/schema';
import { EXPORT_PAGE_SIZE } from '../../lib/data/customer-export';
import { CSV_FIELDS } from '../../lib/validations/customer-csv';
import { elapsedMs } from './stats';
import { peakRss } from './worst-request';

export interface ExportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
  /** How much the server's peak resident size rose during the export (MB); null: not on Linux. */
  peakRssRiseMb: number | null;
}

interface Client {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const MB = 2 ** 20;

/** The record's CSV columns (the export's, aliases apart) as SQL. */
const CSV_COLUMNS = [...CSV_FIELDS.filter((f) => f !== 'ingestAliases'), 'customFields' as const]
  .map((f) => `c.${getTableColumns(customers)[f].name}`)
  .join(', ');

/** Floor: the export's read (the view's keyset pages, each the CSV columns and aliases in one statement), raw. */
export async function measureExportFloor(db: Database): Promise<Omit<ExportFigures, 'peakRssRiseMb' | 'megabytes'>> {
  const client = (db as unknown as { $client: Client }).$client;
  const start = process.hrtime.bigint();
  let rows = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const page: { rows: Record<string, unknown>[] } = await client.query(
      `select ${CSV_COLUMNS}, c.id, c.created_at::text as at,
          coalesce((select json_agg(a.alias order by a.position) from customer_ingest_aliases a
            where a.customer_id = c.id), '[]'::json) as aliases
        from customers c where c.archived_at is null
        ${after ? 'and (c.created_at, c.id) < ($2::timestamptz, $3::uuid)' : ''}
        order by c.created_at desc, c.id desc limit $1`,
      after ? [EXPORT_PAGE_SIZE, ...after] : [EXPORT_PAGE_SIZE],
    );
    rows += page.rows.length;
    const last = page.rows[page.rows.length - 1];
    if (!last) break;
    after = [last.at as string, last.id as string];
    if (page.rows.length < EXPORT_PAGE_SIZE) break;
  }
  const seconds = elapsedMs(start) / 1000;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}

/** GET /api/customers/export, read to the end as it streams. */
export async function measureExport(baseUrl: string, cookie: string, pid: number | undefined): Promise<ExportFigures> {
  const peakBefore = peakRss(pid);
  const start = process.hrtime.bigint();
  const response = await fetch(`${baseUrl}/api/customers/export`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`GET /api/customers/export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    // Records end in CRLF; a cell's own line breaks are bare LF (the seed has no CR in its values).
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 13) lines++;
  }
  const seconds = elapsedMs(start) / 1000;
  const peakAfter = peakRss(pid);
  const rows = lines - 1; // the header
  return {
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    megabytes: Math.round(bytes / MB),
    peakRssRiseMb: peakBefore !== null && peakAfter !== null ? Math.round((peakAfter - peakBefore) / MB) : null,
  };
}

export function exportTable(floor: { rowsPerSecond: number; rows: number }, app: ExportFigures): string {
  const ratio = app.rowsPerSecond / floor.rowsPerSecond;
  return [
    `CSV export of ${app.rows.toLocaleString('en-US')} customers (${app.megabytes} MB):`,
    `  export over HTTP ${app.rowsPerSecond.toLocaleString('en-US')} rows/s (${app.seconds.toFixed(1)} s)` +
      ` · floor, the same read raw ${floor.rowsPerSecond.toLocaleString('en-US')} rows/s · ratio ${ratio.toFixed(2)}`,
    `  server peak RSS rose ${app.peakRssRiseMb ?? '?'} MB while it streamed` +
      ` · target ≥ 50,000 rows/s: ${app.rowsPerSecond >= 50_000 ? 'PASS' : 'MISS'}`,
  ].join('\n');
}
