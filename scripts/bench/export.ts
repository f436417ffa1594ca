// The CSV export of the default view (every active customer), against its floor measured in the
// same run: the same rows and columns read by the same keyset pages straight through the driver,
// with nothing written. The export's rate is rows per second over HTTP, as a browser downloads it;
// its memory is how much the server's peak resident size (VmHWM) rose while it streamed.
import type { Database } from '../../db';
import { EXPORT_PAGE_SIZE } from '../../lib/data/customer-export';
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

/** Floor: the export's reads (the view's keyset pages, then the pages' records), raw. */
export async function measureExportFloor(db: Database): Promise<Omit<ExportFigures, 'peakRssRiseMb' | 'megabytes'>> {
  const client = (db as unknown as { $client: Client }).$client;
  const start = process.hrtime.bigint();
  let rows = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const page: { rows: Record<string, unknown>[] } = await client.query(
      `select id, created_at::text as at from customers where archived_at is null
        ${after ? 'and (created_at, id) < ($2::timestamptz, $3::uuid)' : ''}
        order by created_at desc, id desc limit $1`,
      after ? [EXPORT_PAGE_SIZE, ...after] : [EXPORT_PAGE_SIZE],
    );
    if (page.rows.length === 0) break;
    const ids = page.rows.map((r) => r.id as string);
    const records = await client.query(
      `select c.*, coalesce((select json_agg(a.alias order by a.position) from customer_ingest_aliases a
         where a.customer_id = c.id), '[]'::json) as aliases from customers c where c.id = any($1::uuid[])`,
      [ids],
    );
    rows += records.rows.length;
    const last = page.rows[page.rows.length - 1]!;
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
      ` · floor, the same reads raw ${floor.rowsPerSecond.toLocaleString('en-US')} rows/s · ratio ${ratio.toFixed(2)}`,
    `  server peak RSS rose ${app.peakRssRiseMb ?? '?'} MB while it streamed` +
      ` · target ≥ 50,000 rows/s: ${app.rowsPerSecond >= 50_000 ? 'PASS' : 'MISS'}`,
  ].join('\n');
}
