// Each run's own database, never the user's: a scratch PostgreSQL database made (and dropped) by
// scripts/pg-scratch.ts, or a fresh PGlite folder in a temporary directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from './options';
import type { DatabaseEnv } from './server';

export interface Scratch {
  database: DatabaseEnv;
  /** For the report: the database's name or folder. */
  where: string;
  drop: () => void;
}

function pgScratch(args: string[], base: string): string {
  const result = spawnSync('npx', ['tsx', 'scripts/pg-scratch.ts', ...args], {
    env: { ...process.env, DATABASE_URL: base },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pg-scratch ${args[0]} failed: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

export function createScratch(driver: Driver, pgBase: string | null): Scratch {
  if (driver === 'pg') {
    const url = pgScratch(['create', process.env.BENCH_SCRATCH_NAME ?? 'bench'], pgBase!);
    let dropped = false;
    return {
      database: { DATABASE_URL: url },
      where: new URL(url).pathname.slice(1),
      drop: () => {
        if (dropped) return;
        dropped = true;
        pgScratch(['drop', url], pgBase!);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-bench-'));
  return {
    database: { PGLITE_DIR: path.join(dir, 'pglite') },
    where: dir,
    drop: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
