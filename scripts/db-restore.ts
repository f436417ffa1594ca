import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pgliteDataDir } from '../db';
import { env } from '../lib/env';
import { withPgliteFolder } from './pglite-folder';

// npm run db:restore -- FILE: puts a backup from npm run db:backup back, replacing what the
// database holds. Stop the portal first. See README: Backups.

/** What kind of backup a file is, by its first bytes. */
function kindOf(file: string): 'postgres' | 'pglite' | 'unknown' {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return 'unknown';
}

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run db:restore -- FILE');
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const kind = kindOf(file);
  const target = env.DATABASE_URL ? 'postgres' : 'pglite';
  if (kind === 'unknown') throw new Error(`${file} is not a backup made by npm run db:backup.`);
  if (kind !== target) {
    throw new Error(
      `${file} is a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup, and this restores into ` +
        `${target === 'postgres' ? 'PostgreSQL (DATABASE_URL is set)' : 'PGlite (DATABASE_URL is unset)'}.`,
    );
  }
  if (env.DATABASE_URL) {
    const restored = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${env.DATABASE_URL}`, file],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (restored.error)
      throw new Error(`pg_restore could not run (${restored.error.message}): install PostgreSQL's client tools.`);
    if (restored.status !== 0) throw new Error('pg_restore failed (above): the database is as it was.');
    console.log(`Restored PostgreSQL from ${file}.`);
    return;
  }
  const folder = pgliteDataDir();
  const kept = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await withPgliteFolder(folder, async (open) => {
    if (fs.existsSync(folder)) fs.renameSync(folder, kept);
    try {
      const db = await open(new Blob([fs.readFileSync(file)]));
      await db.close();
    } catch (err) {
      fs.rmSync(folder, { recursive: true, force: true });
      if (fs.existsSync(kept)) fs.renameSync(kept, folder);
      throw err;
    }
  });
  console.log(
    `Restored the PGlite folder ${folder} from ${file}.` +
      (fs.existsSync(kept) ? ` What it held before is kept in ${kept}.` : ''),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
