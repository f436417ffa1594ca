import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';

// Two instances of a new build starting at once on one PostgreSQL: the migrations run once, under
// an advisory lock, and both start.

const baseUrl = process.env.DATABASE_URL;

function migrate(url: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

describe.skipIf(!baseUrl)('migrations on PostgreSQL', () => {
  it('run once when two instances start together on an empty database', async () => {
    const name = `meterline_migrate_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(baseUrl!);
    url.pathname = `/${name}`;
    try {
      const [first, second] = await Promise.all([migrate(url.href), migrate(url.href)]);
      expect(first.output).toContain('Migrations applied (pg).');
      expect(second.output).toContain('Migrations applied (pg).');
      expect([first.status, second.status]).toEqual([0, 0]);

      const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const db = new Client({ connectionString: url.href });
      await db.connect();
      const applied = await db.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      await db.end();
      expect(applied.rows[0].n).toBe(journal.entries.length);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
