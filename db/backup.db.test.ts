import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';

// npm run db:backup and db:restore, round trip: back up, change data, restore, and every customer,
// alias, audit entry and user is as it was. On the driver this run tests (a fresh PGlite folder, or
// a fresh PostgreSQL database).

const TABLES = ['customers', 'customer_ingest_aliases', 'audit_entries', 'users', 'accounts', 'price_plans'];
const snapshotSql = `select ${TABLES.map(
  (t) => `(select coalesce(json_agg(r order by r::text), '[]') from ${t} r)::text as ${t}`,
).join(', ')}`;

function npm(script: string, env: Record<string, string>, ...args: string[]) {
  const ran = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: ran.status, out: `${ran.stdout}${ran.stderr}` };
}

/** Seeds demo customers and a user, backs up, changes everything, restores: what `snapshot` sees must match. */
async function roundTrip(env: Record<string, string>, snapshot: () => Promise<unknown>, change: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-backup-'));
  const file = path.join(dir, 'backup');
  try {
    expect(npm('db:seed', env).out).toContain('Added');
    const user = ['--email', 'kept@e2e.test', '--role', 'admin', '--password', 'kept-password-1234'];
    expect(npm('user:create', env, ...user).status).toBe(0);
    const before = await snapshot();

    const backedUp = npm('db:backup', env, file);
    expect(backedUp.status, backedUp.out).toBe(0);
    expect(npm('db:backup', env, file).out).toContain('exists already');

    await changeData(change);
    expect(await snapshot()).not.toEqual(before);

    const restored = npm('db:restore', env, file);
    expect(restored.status, restored.out).toBe(0);
    expect(await snapshot()).toEqual(before);
    return { dir, file };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

let changeData: (sql: string) => Promise<void>;
const CHANGE = `
  update customers set display_name = display_name || ' (changed)';
  delete from customer_ingest_aliases;
  delete from audit_entries;
  update users set name = 'Changed';
  delete from price_plans where name not in (select price_plan_name from customers where price_plan_name is not null);`;

describe.skipIf(Boolean(process.env.DATABASE_URL))('backup and restore on PGlite', () => {
  it('round-trips the data folder, keeps what it replaced, and refuses a folder the portal holds', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-pglite-')), 'pglite');
    const env = { PGLITE_DIR: folder, DATABASE_URL: '' };
    const withFolder = async <T>(work: (db: InstanceType<typeof PGlite>) => Promise<T>) => {
      const db = await PGlite.create(folder, { extensions: { pg_trgm } });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    };
    changeData = (sql) => withFolder(async (db) => void (await db.exec(sql)));
    const snapshot = () => withFolder(async (db) => (await db.query(snapshotSql)).rows[0]);

    const { dir, file } = await roundTrip(env, snapshot, CHANGE);
    try {
      expect(fs.readdirSync(path.dirname(folder)).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);

      fs.writeFileSync(`${folder}.lock`, String(process.pid));
      const refused = npm('db:restore', env, file);
      expect(refused.status).toBe(1);
      expect(refused.out).toContain(`is in use by another process (pid ${process.pid})`);
      expect(refused.out).toContain('stop the portal, run this again, then start it');
      fs.rmSync(`${folder}.lock`);

      const wrongKind = npm('db:restore', { DATABASE_URL: 'postgres://127.0.0.1:1/none' }, file);
      expect(wrongKind.out).toContain('is a PGlite backup, and this restores into PostgreSQL');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  }, 240_000);
});

/** A new, empty database on the PostgreSQL server DATABASE_URL names: its URL, and how to drop it. */
async function emptyPostgresDatabase(label: string) {
  const name = `meterline_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return { url, drop };
}

describe.skipIf(!process.env.DATABASE_URL)('backup and restore on PostgreSQL', () => {
  it('round-trips the database with pg_dump and pg_restore', async () => {
    const { url, drop } = await emptyPostgresDatabase('backup');
    const query = async (sql: string) => {
      const db = new Client({ connectionString: url.href });
      await db.connect();
      try {
        return await db.query(sql);
      } finally {
        await db.end();
      }
    };
    changeData = async (sql) => void (await query(sql));
    try {
      const { dir, file } = await roundTrip(
        { DATABASE_URL: url.href },
        async () => (await query(snapshotSql)).rows[0],
        CHANGE,
      );
      const wrongKind = npm('db:restore', { DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'none') }, file);
      expect(wrongKind.out).toContain('is a PostgreSQL backup, and this restores into PGlite');
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await drop();
    }
  }, 240_000);

  it('copies a PGlite folder into an empty PostgreSQL database (moving off the embedded database)', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-move-')), 'pglite');
    const fromPglite = { PGLITE_DIR: folder, DATABASE_URL: '' };
    const { url, drop } = await emptyPostgresDatabase('move');
    try {
      expect(npm('db:seed', fromPglite).out).toContain('Added');
      const user = ['--email', 'moved@e2e.test', '--role', 'admin', '--password', 'moved-password-1234'];
      expect(npm('user:create', fromPglite, ...user).status).toBe(0);
      const source = await PGlite.create(folder, { extensions: { pg_trgm } });
      const before = (await source.query(snapshotSql)).rows[0];
      await source.close();

      const copied = npm('db:copy-to-postgres', fromPglite, url.href);
      expect(copied.status, copied.out).toBe(0);
      const target = new Client({ connectionString: url.href });
      await target.connect();
      expect((await target.query(snapshotSql)).rows[0]).toEqual(before);
      await target.end();

      const again = npm('db:copy-to-postgres', fromPglite, url.href);
      expect(again.status).toBe(1);
      expect(again.out).toContain('already holds');
    } finally {
      await drop();
      fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  }, 240_000);
});
