import { parseArgs } from 'node:util';

export type Driver = 'pg' | 'pglite';

export interface BenchOptions {
  sizes: number[];
  drivers: Driver[];
  /** Seconds each HTTP scenario is measured for (after its warm-up). */
  duration: number;
  warmup: number;
  connections: number;
  port: number;
  /** How many pages the deep-page scenario follows nextCursor before measuring. */
  deepPages: number;
  /** SQL floors: at most this many serial runs of each query, and at most sqlSeconds per phase. */
  sqlIterations: number;
  sqlSeconds: number;
  build: boolean;
  out: string;
  /** The PostgreSQL server scratch databases are made on (DATABASE_URL). */
  pgBase: string | null;
  /** Only these HTTP scenarios (by key, e.g. v1Ingest), and no worst-request measure; null: all. */
  only: string[] | null;
  /** Seconds the ingest scenario is measured with all connections (its heap before/after); default --duration. */
  ingestSeconds: number | null;
}

const USAGE = `npm run bench -- [options]

  --sizes 100000,1000000   customer counts to seed and measure (default: the issue's 100000,1000000)
  --drivers pg,pglite      databases (pg needs DATABASE_URL; default: pg,pglite)
  --duration 10            seconds each HTTP scenario is measured
  --warmup 2               seconds of warm-up before each HTTP scenario (not counted)
  --connections 10         concurrent HTTP connections (and concurrent queries for the SQL floor's q/s)
  --port 3401              port the app is served on
  --deep-pages 200         pages the deep-page scenario follows nextCursor before measuring
  --sql-iterations 1000    serial runs of each SQL floor (at most --sql-seconds long)
  --sql-seconds 5          time box of each SQL floor phase
  --no-build               reuse the existing .next build instead of running next build
  --out bench-results      folder for the JSON results
  --only v1Ingest          only these HTTP scenarios (comma-separated keys), skipping the worst request
  --ingest-seconds 300     how long the ingest scenario runs with all connections (the memory run: 300)

Quick try: npm run bench -- --sizes 10000 --duration 3`;

/** A mistake in the command line: reported as a sentence, without a stack. */
export class UsageError extends Error {}

function positiveInt(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, not "${value}"`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '100000,1000000' },
      drivers: { type: 'string', default: process.env.BENCH_DRIVERS ?? 'pg,pglite' },
      duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
      port: { type: 'string', default: process.env.BENCH_PORT ?? '3401' },
      'deep-pages': { type: 'string', default: '200' },
      'sql-iterations': { type: 'string', default: '1000' },
      'sql-seconds': { type: 'string', default: '5' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench-results' },
      only: { type: 'string' },
      'ingest-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const drivers = values.drivers.split(',').map((d) => d.trim());
  for (const d of drivers) if (d !== 'pg' && d !== 'pglite') throw new UsageError(`--drivers: unknown driver "${d}"`);
  const pgBase = process.env.DATABASE_URL || null;
  if (drivers.includes('pg') && !pgBase) {
    throw new UsageError(
      'The pg driver needs DATABASE_URL (a server to make scratch databases on); or pass --drivers pglite',
    );
  }
  const warmup = Number(values.warmup);
  if (!Number.isFinite(warmup) || warmup < 0) throw new UsageError('--warmup must be 0 or more seconds');
  return {
    sizes: values.sizes.split(',').map((s) => positiveInt('sizes', s.trim())),
    drivers: drivers as Driver[],
    duration: positiveInt('duration', values.duration),
    warmup,
    connections: positiveInt('connections', values.connections),
    port: positiveInt('port', values.port),
    deepPages: positiveInt('deep-pages', values['deep-pages']),
    sqlIterations: positiveInt('sql-iterations', values['sql-iterations']),
    sqlSeconds: positiveInt('sql-seconds', values['sql-seconds']),
    build: !values['no-build'],
    out: values.out,
    pgBase,
    only: values.only ? values.only.split(',').map((k) => k.trim()) : null,
    ingestSeconds: values['ingest-seconds'] ? positiveInt('ingest-seconds', values['ingest-seconds']) : null,
  };
}
