import type { ExportFigures } from './export';
// The plain-text report (each figure beside its floor, and the ratio) and the targets of the issue.
import type { WorstRequest } from './worst-request';
import type { BundleSize } from './bundle-size';
import type { HttpResult, HttpScenarioKey } from './http';
import type { Driver } from './options';
import type { Probes, SeedResult } from './seed';
import type { SqlFloor, SqlFloorKey } from './sql-floors';

export interface RunResult {
  driver: Driver;
  size: number;
  database: string;
  /** The machine's 1-minute load average when the run began: others' work skews the figures. */
  loadAverage: number;
  seed: SeedResult;
  probes: Probes & {
    /** What the list's own count says the search matches. */
    searchMatches: { value: number; exact: boolean };
    deepCursor: string | null;
    deepPages: number;
  };
  sql: Record<SqlFloorKey, SqlFloor>;
  http: Partial<Record<HttpScenarioKey, HttpResult>>;
  bundles: BundleSize[];
  /** Not measured with --only. */
  worstRequest?: WorstRequest;
  /** The server's heap in use before and after the ingest scenario, in bytes. */
  ingestHeap?: { before: number; after: number; seconds: number };
  /** The CSV export of the default view, and its floor (the same reads, raw). */
  exportCsv?: { floor: { rows: number; rowsPerSecond: number }; app: ExportFigures };
}

export interface TargetResult {
  target: string;
  run: string;
  measured: string;
  verdict: 'PASS' | 'MISS' | 'n/a';
  /** True where the issue sets the target (1,000,000 customers on PostgreSQL, or any run for JS size). */
  binding: boolean;
}

const DRIVER_NAMES: Record<Driver, string> = { pg: 'PostgreSQL', pglite: 'PGlite' };
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const ms = (n: number) => (!Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const ratio = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×` : '–');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export const runLabel = (r: Pick<RunResult, 'driver' | 'size'>) => `${DRIVER_NAMES[r.driver]} @ ${int(r.size)}`;

function table(header: string[], rows: string[][], rightAligned: (i: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// Which SQL floor stands beside each HTTP scenario.
const FLOOR_OF: Partial<Record<HttpScenarioKey, SqlFloorKey>> = {
  list: 'list',
  deep: 'deep',
  search: 'search',
  alias: 'alias',
  listHtml: 'list',
  create: 'create',
  v1Ingest: 'ingest',
};

/** How many ms /v1's retrieve takes beyond its session twin at p95 (key checking's cost), or null. */
export function keyCheckCost(r: Pick<RunResult, 'http'>): { oneUser: number; concurrent: number } | null {
  const { v1Retrieve: key, sessionRetrieve: session } = r.http;
  if (!key || !session) return null;
  return { oneUser: key.oneUser.p95 - session.oneUser.p95, concurrent: key.p95 - session.p95 };
}

const signedMs = (n: number) => `${n >= 0 ? '+' : ''}${ms(n)} ms`;

export function runTable(r: RunResult): string {
  const bare = r.http.bare;
  const rows: string[][] = [];
  for (const h of Object.values(r.http)) {
    const floorKey = FLOOR_OF[h.scenario.key];
    const f = floorKey ? r.sql[floorKey] : undefined;
    const isBare = h.scenario.key === 'bare';
    rows.push([
      h.scenario.label,
      ms(h.oneUser.p50),
      ms(h.oneUser.p95),
      ms(h.p50),
      ms(h.p95),
      int(h.perSecond),
      f ? ms(f.serial.p50) : '',
      f ? ms(f.serial.p95) : '',
      f ? int(f.concurrentPerSecond) : '',
      f ? ratio(h.p95 / f.serial.p95) : '',
      f ? ratio(h.perSecond / f.concurrentPerSecond) : '',
      bare && !isBare ? ratio(h.p95 / bare.p95) : '',
      bare && !isBare ? ratio(h.perSecond / bare.perSecond) : '',
      `${h.unexpected > 0 || h.errors > 0 ? `${int(h.unexpected + h.errors)} BAD` : 'ok'} · ${h.probe}`,
    ]);
  }
  for (const key of ['searchQuery', 'aliasLookup'] as const) {
    const f = r.sql[key];
    rows.push([
      `  db only: ${f.what}`,
      '',
      '',
      '',
      '',
      '',
      ms(f.serial.p50),
      ms(f.serial.p95),
      int(f.concurrentPerSecond),
    ]);
  }
  const header = [
    'scenario',
    '1 user p50',
    '1 user p95',
    'p50 ms',
    'p95 ms',
    'req/s',
    'db p50',
    'db p95',
    'db q/s',
    'p95÷db',
    'req/s÷db',
    'p95÷bare',
    'req/s÷bare',
    'responses · first one',
  ];
  const s = r.seed;
  const lines = [
    `== ${runLabel(r)} customers (${r.database}; load average ${r.loadAverage.toFixed(1)} at the start)`,
    `seed: ${int(s.customers)} customers, ${int(s.aliases)} aliases, ${int(s.billingProviders)} billing providers; ` +
      `load ${s.loadSeconds.toFixed(1)} s + indexes ${s.indexSeconds.toFixed(1)} s = ${int(s.rowsPerSecond)} rows/s; ` +
      `vacuum analyze ${s.vacuumSeconds.toFixed(1)} s`,
    `HTTP: "1 user" is one request at a time; the other figures are under concurrent connections (--connections).`,
    `probes: search "${r.probes.searchTerm}" (matches ${r.probes.searchMatches.exact ? '' : '~'}${int(r.probes.searchMatches.value)}), ` +
      `alias "${r.probes.alias}", deep page after ${int(r.probes.deepPages)} pages`,
    '',
    table(header, rows, (i) => i > 0 && i < header.length - 1),
    '',
    ...keyCheckLines(r),
    ...ingestLines(r),
    ...r.bundles.map(
      (b) => `JS shipped by ${b.path}: ${b.scripts} scripts, ${kb(b.gzipBytes)} gzipped (${kb(b.rawBytes)} raw)`,
    ),
  ];
  return lines.join('\n');
}

/** Ingest in events/s: over HTTP, and as raw SQL through the same driver; the server's heap around it. */
export function ingestFigures(r: Pick<RunResult, 'http' | 'sql' | 'ingestHeap'>) {
  const h = r.http.v1Ingest;
  if (!h) return null;
  const http = h.perSecond * 100;
  const sql = r.sql.ingest.concurrentPerSecond * 100;
  return { http, sql, share: http / sql, heap: r.ingestHeap };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function ingestLines(r: RunResult): string[] {
  const f = ingestFigures(r);
  if (!f) return [];
  return [
    `ingest (batches of 100): ${int(f.http)} events/s over HTTP, ${int(f.sql)} events/s as raw SQL ` +
      `(${(100 * f.share).toFixed(1)}%); server heap ${f.heap ? `${mb(f.heap.before)} before, ${mb(f.heap.after)} after ${f.heap.seconds} s of ingest` : '–'}`,
    '',
  ];
}

function keyCheckLines(r: RunResult): string[] {
  const cost = keyCheckCost(r);
  if (!cost) return [];
  return [
    `key checking (GET /v1/customers/{id} less its session twin, p95): ${signedMs(cost.oneUser)} one user, ` +
      `${signedMs(cost.concurrent)} concurrent`,
    '',
  ];
}

export function evaluateTargets(runs: RunResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  const add = (target: string, run: string, value: number, limit: number, unit: string, binding: boolean) =>
    out.push({
      target,
      run,
      measured: unit === '×' ? ratio(value) : `${unit === 'ms' ? ms(value) : int(value)} ${unit}`,
      verdict: Number.isFinite(value) ? (value <= limit ? 'PASS' : 'MISS') : 'n/a',
      binding,
    });
  for (const r of runs) {
    const binding = r.driver === 'pg' && r.size === 1_000_000;
    const label = runLabel(r);
    const { list, deep, search, bare, listHtml } = r.http;
    for (const [how, pick] of [
      ['one user', (h: HttpResult) => h.oneUser.p95],
      ['concurrent', (h: HttpResult) => h.p95],
    ] as const) {
      if (list) add(`list API (50 rows) HTTP p95 ≤ 50 ms, ${how}`, label, pick(list), 50, 'ms', binding);
      if (listHtml) add(`list page HTML HTTP p95 ≤ 50 ms, ${how}`, label, pick(listHtml), 50, 'ms', binding);
      if (list && deep)
        add(`deep page p95 ≤ 1.5× first page, ${how}`, label, pick(deep) / pick(list), 1.5, '×', binding);
      if (search) add(`substring search HTTP p95 ≤ 100 ms, ${how}`, label, pick(search), 100, 'ms', binding);
    }
    add('substring search in the database p95 ≤ 30 ms', label, r.sql.searchQuery.serial.p95, 30, 'ms', binding);
    add('exact alias lookup in the database p95 ≤ 2 ms', label, r.sql.aliasLookup.serial.p95, 2, 'ms', binding);
    const shareOfBare = (target: string, h: HttpResult | undefined, share: number, binds: boolean) => {
      if (!h || !bare) return;
      out.push({
        target: `${target} req/s ≥ ${share * 100}% of the bare route`,
        run: label,
        measured: `${((100 * h.perSecond) / bare.perSecond).toFixed(1)}%`,
        verdict: h.perSecond >= share * bare.perSecond ? 'PASS' : 'MISS',
        binding: binds,
      });
    };
    shareOfBare('list route', list, 0.4, binding);
    // /v1 (issue 12 names no size or driver for these: they bind on every run).
    const cost = keyCheckCost(r);
    if (cost) {
      add('/v1 key checking adds ≤ 1 ms p95 over the session twin, one user', label, cost.oneUser, 1, 'ms', true);
      add('/v1 key checking adds ≤ 1 ms p95 over the session twin, concurrent', label, cost.concurrent, 1, 'ms', true);
    }
    shareOfBare('/v1 list (100 rows)', r.http.v1List, 0.35, true);
    const ingest = ingestFigures(r);
    if (ingest) {
      const floor = r.driver === 'pg' ? 10_000 : 3_000;
      out.push({
        target: `ingest over HTTP ≥ ${int(floor)} events/s`,
        run: label,
        measured: `${int(ingest.http)} events/s`,
        verdict: ingest.http >= floor ? 'PASS' : 'MISS',
        binding: true,
      });
      if (r.driver === 'pg') {
        out.push({
          target: 'ingest over HTTP ≥ 50% of the same inserts as raw SQL',
          run: label,
          measured: `${(100 * ingest.share).toFixed(1)}%`,
          verdict: ingest.share >= 0.5 ? 'PASS' : 'MISS',
          binding: true,
        });
      }
    }
  }
  for (const size of new Set(runs.map((r) => r.size))) {
    const pg = runs.find((r) => r.driver === 'pg' && r.size === size);
    const lite = runs.find((r) => r.driver === 'pglite' && r.size === size);
    if (!pg || !lite) continue;
    for (const key of ['list', 'deep', 'search', 'alias', 'listHtml', 'create'] as const) {
      const a = lite.http[key];
      const b = pg.http[key];
      if (a && b) {
        add(
          `PGlite p95 ≤ 3× PostgreSQL p95 (one user): ${a.scenario.label}`,
          `@ ${int(size)}`,
          a.oneUser.p95 / b.oneUser.p95,
          3,
          '×',
          size === 100_000,
        );
      }
    }
  }
  const bundles = runs.find((r) => r.bundles.length > 0)?.bundles ?? [];
  const limits: Record<string, number> = { '/customers': 200_000, '/customers/new': 230_000 };
  for (const b of bundles) {
    const limit = limits[b.path];
    if (limit) {
      out.push({
        target: `JS of ${b.path} ≤ ${limit / 1000} KB gzipped`,
        run: 'build',
        measured: kb(b.gzipBytes),
        verdict: b.gzipBytes <= limit ? 'PASS' : 'MISS',
        binding: true,
      });
    }
  }
  return out;
}

export function targetsTable(targets: TargetResult[]): string {
  const rows = targets.map((t) => [t.target, t.run, t.measured, t.binding ? t.verdict : `(${t.verdict})`]);
  return [
    '== Targets (the issue sets them at 1,000,000 customers on PostgreSQL, PGlite ÷ PostgreSQL at 100,000,',
    '   /v1 on every run; a verdict in parentheses is for a run the target does not bind, shown for reference)',
    '',
    table(['target', 'run', 'measured', 'verdict'], rows, (i) => i === 2),
  ].join('\n');
}
