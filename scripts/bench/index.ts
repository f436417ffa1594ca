// npm run bench: how the portal feels to its users at 100,000 and 1,000,000 customers, on
// PostgreSQL and on PGlite, each figure beside its floors. Not a test: CI never runs it.
//
// For each size and driver: a scratch database, migrated by the app's own db/index.ts and seeded
// with set-based SQL; the SQL floors run through the same driver; then the built app is started
// as `npm start` starts it (server.mjs, Next's production server) on that database, signed in
// over HTTP (and given an API key for /v1) and driven with autocannon.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, getDatabase } from '../../db';
import { countMatches, listPage } from './app-contract';
import { bundleSize, type BundleSize } from './bundle-size';
import { exportTable, measureExport, measureExportFloor } from './export';
import { measureHttp, scenarios, type HttpResult, type HttpScenarioKey } from './http';
import { parseOptions, UsageError, type BenchOptions, type Driver } from './options';
import { evaluateTargets, runLabel, runTable, targetsTable, type RunResult } from './report';
import { createScratch, type Scratch } from './scratch';
import { probes as pickProbes, seed } from './seed';
import { buildApp, createApiKey, createUser, signIn, startServer, type DatabaseEnv, type Server } from './server';
import { measureSqlFloors } from './sql-floors';
import { heapUsed, measureWorstRequest, worstRequestTable } from './worst-request';

// Seeding a million rows in one statement takes longer than the portal's statement limit.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '0';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** What to undo if the bench is interrupted: the server it started, the scratch database. */
const cleanups = new Set<() => unknown>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Points the app's db/index.ts (in this process) at the scratch database. */
function pointAppAt(database: DatabaseEnv, poolSize: number) {
  delete process.env.DATABASE_URL;
  delete process.env.PGLITE_DIR;
  Object.assign(process.env, database, { DATABASE_POOL_SIZE: String(poolSize) });
}

/** Follows nextCursor through the app's own listCustomers; returns the cursor of the deepest page. */
async function deepCursor(pages: number): Promise<{ cursor: string | null; pages: number }> {
  let cursor: string | null = null;
  let reached = 0;
  for (let i = 0; i < pages; i++) {
    const page = await listPage(cursor ? { cursor } : {});
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    reached = i + 1;
  }
  return { cursor, pages: reached };
}

async function benchRun(driver: Driver, size: number, o: BenchOptions, measureBundles: boolean): Promise<RunResult> {
  const label = runLabel({ driver, size });
  log(`${label}: making a scratch database`);
  const scratch: Scratch = createScratch(driver, o.pgBase);
  cleanups.add(scratch.drop);
  let server: Server | null = null;
  try {
    pointAppAt(scratch.database, o.connections);
    const loadAverage = os.loadavg()[0]!;
    const { db } = await getDatabase(); // applies the migrations
    log(`${label}: seeding ${size.toLocaleString('en-US')} customers`);
    const seeded = await seed(db, size, log);
    const probes = await pickProbes(db, size);
    const searchMatches = await countMatches({ q: probes.searchTerm });
    const deep = await deepCursor(o.deepPages);
    log(`${label}: SQL floors`);
    const sql = await measureSqlFloors(
      db,
      { deepCursor: deep.cursor, searchTerm: probes.searchTerm, alias: probes.alias },
      { iterations: o.sqlIterations, seconds: o.sqlSeconds, connections: o.connections },
    );
    if (!o.only) log(`${label}: export floor (the export's reads, raw)`);
    const exportFloor = o.only ? undefined : await measureExportFloor(db);
    await closeDatabase(); // PGlite: one process per folder, and the server is next

    createUser(scratch.database);
    const apiKey = createApiKey(scratch.database);
    log(`${label}: starting the app (server.mjs) on port ${o.port}`);
    server = await startServer(scratch.database, o.port);
    cleanups.add(server.stop);
    const cookie = await signIn(server.baseUrl);
    const bundles: BundleSize[] = [];
    if (measureBundles) {
      for (const page of ['/customers', '/customers/new']) bundles.push(await bundleSize(server.baseUrl, cookie, page));
    }
    const http: Partial<Record<HttpScenarioKey, HttpResult>> = {};
    const runTag = `${driver}${size}-${Date.now().toString(36)}`;
    let ingestHeap: RunResult['ingestHeap'];
    for (const s of scenarios({ ...probes, deepCursor: deep.cursor })) {
      if (o.only && !o.only.includes(s.key)) continue;
      log(`${label}: HTTP ${s.label}`);
      const ingest = s.key === 'v1Ingest';
      const before = ingest ? await heapUsed(server.baseUrl, cookie) : 0;
      const options = ingest && o.ingestSeconds ? { ...o, duration: o.ingestSeconds } : o;
      http[s.key] = await measureHttp(server.baseUrl, { cookie, apiKey }, s, options, runTag);
      if (ingest) ingestHeap = { before, after: await heapUsed(server.baseUrl, cookie), seconds: options.duration };
    }
    let worstRequest: RunResult['worstRequest'];
    if (!o.only) {
      log(`${label}: the worst accepted request`);
      worstRequest = await measureWorstRequest(server.baseUrl, cookie, server.pid, runTag);
      log(`${label}:\n${worstRequestTable(worstRequest)}`);
    }
    let exportCsv: RunResult['exportCsv'];
    if (exportFloor) {
      log(`${label}: CSV export`);
      exportCsv = { floor: exportFloor, app: await measureExport(server.baseUrl, cookie, server.pid) };
      log(`${label}:\n${exportTable(exportCsv.floor, exportCsv.app)}`);
    }
    return {
      driver,
      size,
      worstRequest,
      database: scratch.where,
      loadAverage,
      seed: seeded,
      probes: { ...probes, searchMatches, deepCursor: deep.cursor, deepPages: deep.pages },
      sql,
      http,
      bundles,
      ingestHeap,
      exportCsv,
    };
  } catch (err) {
    if (server) console.error(`server output (last lines):\n${server.output().slice(-4000)}`);
    throw err;
  } finally {
    if (server) {
      await server.stop();
      cleanups.delete(server.stop);
    }
    await closeDatabase();
    scratch.drop();
    cleanups.delete(scratch.drop);
  }
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return;
  process.once('SIGINT', async () => {
    console.error('\nInterrupted: stopping the server and dropping scratch databases…');
    for (const undo of [...cleanups].reverse()) {
      try {
        await undo();
      } catch (err) {
        console.error(err instanceof Error ? err.message : err);
      }
    }
    process.exit(130);
  });
  if (!(await portIsFree(options.port))) throw new UsageError(`port ${options.port} is in use: pass --port`);
  const startedAt = new Date();
  if (options.build) buildApp(log);

  const runs: RunResult[] = [];
  const failures: { driver: Driver; size: number; error: string }[] = [];
  const file = path.join(options.out, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const results = () => ({
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg(),
      node: process.version,
    },
    options: { ...options, pgBase: options.pgBase ? new URL(options.pgBase).host : null },
    runs,
    failures,
    targets: evaluateTargets(runs),
  });
  // Written after every run, so a long run that fails late keeps what it measured.
  const save = () => {
    fs.mkdirSync(options.out, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(results(), null, 2)}\n`);
  };
  for (const size of options.sizes) {
    for (const driver of options.drivers) {
      try {
        runs.push(await benchRun(driver, size, options, !runs.some((r) => r.bundles.length > 0)));
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        failures.push({ driver, size, error });
        log(`${runLabel({ driver, size })} FAILED: ${error}`);
      }
      save();
    }
  }
  const { machine, commit, targets } = results();

  console.log('');
  console.log(
    `Meterline bench, ${startedAt.toISOString()} (commit ${commit ?? '?'}); ${options.connections} connections, ` +
      `${options.duration} s per scenario; ${machine.cpus} CPUs (${machine.cpuModel ?? '?'}), ` +
      `load average ${machine.loadAverage.map((n) => n.toFixed(1)).join(' ')} at the end`,
  );
  console.log('p50/p95 in ms; "db" is floor (a), the same SQL straight through the driver (p50/p95 one at a time,');
  console.log(
    `q/s with ${options.connections} at once); "bare" is floor (b), GET /api/bench/floor through the same server.`,
  );
  for (const r of runs) {
    console.log(`\n${runTable(r)}${r.worstRequest ? `\n\n${worstRequestTable(r.worstRequest)}` : ''}`);
    if (r.exportCsv) console.log(`\n${exportTable(r.exportCsv.floor, r.exportCsv.app)}`);
  }
  for (const f of failures) console.log(`\n== ${runLabel(f)} FAILED: ${f.error}`);
  console.log(`\n${targetsTable(targets)}`);
  console.log(`\nResults: ${file}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
