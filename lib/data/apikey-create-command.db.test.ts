import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { API_KEY_PATTERN } from '@/lib/validations/api-key';
import { hashApiKey } from './api-keys';

// `npm run apikey:create -- --name NAME --role ROLE` (contract §1): the key alone on stdout's last
// line; a bad option exits non-zero and creates nothing. Run as a process of its own, as automation
// does: on PostgreSQL against the tests' database, on PGlite against a folder of its own (the tests'
// database is in memory, which no other process can open).

const onPostgres = Boolean(process.env.DATABASE_URL);
const folder = onPostgres ? null : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-apikey-')), 'pglite');

function apikeyCreate(...args: string[]) {
  const env = onPostgres ? { ...process.env } : { ...process.env, PGLITE_DIR: folder!, DATABASE_URL: '' };
  return spawnSync('npm', ['run', '--silent', 'apikey:create', '--', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** The keys of these names in the database the command wrote to. */
async function keysNamed(names: string[]): Promise<{ name: string; role: string; hash: string }[]> {
  if (onPostgres) {
    const db = await getDb();
    return db
      .select({ name: apiKeys.name, role: apiKeys.role, hash: apiKeys.hash })
      .from(apiKeys)
      .where(inArray(apiKeys.name, names));
  }
  if (!fs.existsSync(folder!)) return [];
  const pg = new PGlite(folder!);
  try {
    const { rows } = await pg.query<{ name: string; role: string; hash: string }>(
      'select name, role, hash from api_keys where name = any($1)',
      [names],
    );
    return rows;
  } finally {
    await pg.close();
  }
}

afterAll(() => {
  if (folder) fs.rmSync(path.dirname(folder), { recursive: true, force: true });
});

describe('npm run apikey:create', () => {
  it('refuses a bad option with a non-zero exit, creating nothing; a good one prints the key alone on the last line', async () => {
    const u = randomUUID().slice(0, 8);
    const refusals = [
      { args: ['--name', `bad-role-${u}`, '--role', 'owner'], says: /--role/ },
      { args: ['--name', `unknown-${u}`, '--role', 'viewer', '--color', 'red'], says: /Usage: npm run apikey:create/ },
      { args: ['--name', '', '--role', 'editor'], says: /--name/ },
      { args: ['--name', 'x'.repeat(81), '--role', 'editor'], says: /--name/ },
      { args: ['--role', 'admin'], says: /--name/ },
    ];
    for (const { args, says } of refusals) {
      const run = apikeyCreate(...args);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(says);
    }

    const name = `cli-${u}`;
    const made = apikeyCreate('--name', name, '--role', 'editor');
    expect(made.status, made.stderr).toBe(0);
    const lines = made.stdout.trimEnd().split('\n');
    const key = lines.at(-1)!;
    expect(key).toMatch(API_KEY_PATTERN);
    expect(made.stderr).not.toContain(key);

    const stored = await keysNamed([name, `bad-role-${u}`, `unknown-${u}`, 'x'.repeat(81)]);
    expect(stored).toEqual([{ name, role: 'editor', hash: hashApiKey(key) }]);
  }, 240_000); // six npm processes, each starting tsx: slow on a busy machine
});
