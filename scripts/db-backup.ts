import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pgliteDataDir } from '../db';
import { env } from '../lib/env';
import { withPgliteFolder } from './pglite-folder';

// npm run db:backup -- FILE: PostgreSQL through pg_dump (custom format), PGlite as a gzipped copy of
// its data folder (PGlite's own dump). See README: Backups.

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run db:backup -- FILE');
  if (fs.existsSync(file)) throw new Error(`${file} exists already: choose a new file name.`);
  if (env.DATABASE_URL) {
    const dumped = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, env.DATABASE_URL], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (dumped.error)
      throw new Error(`pg_dump could not run (${dumped.error.message}): install PostgreSQL's client tools.`);
    if (dumped.status !== 0) throw new Error('pg_dump failed (above): nothing was backed up.');
    console.log(`Backed up PostgreSQL to ${file}.`);
    return;
  }
  const folder = pgliteDataDir();
  await withPgliteFolder(folder, async (open) => {
    const db = await open();
    const dump = await db.dumpDataDir('gzip');
    fs.writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.partial`, file);
    await db.close();
  });
  console.log(`Backed up the PGlite folder ${folder} to ${file}.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
