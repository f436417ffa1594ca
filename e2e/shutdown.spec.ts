import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, havePostgres, startApp, ThrowawayPostgres } from './throwaway';

// Health checks, and a clean stop: SIGTERM while customers are being created through /v1. Every
// create is either saved and answered, or refused and not saved; the server exits on its own, and
// the database (the PGlite folder too) opens again at once.

test.describe.configure({ timeout: 180_000 });

type Database = Record<string, string>;

function apiKeyFor(database: Database): string {
  const made = spawnSync('npm', ['run', '--silent', 'apikey:create', '--', '--name', 'shutdown', '--role', 'editor'], {
    env: { ...process.env, PGLITE_DIR: '', ...database },
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`apikey:create failed: ${made.stderr}`);
  return made.stdout.trim().split('\n').at(-1)!;
}

/** A create through /v1: the customer's name if it was answered 200, else null (refused, or no answer). */
async function create(baseURL: string, key: string, name: string): Promise<string | null> {
  try {
    const res = await fetch(`${baseURL}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    return res.status === 200 ? name : null;
  } catch {
    return null;
  }
}

async function savedNames(baseURL: string, key: string): Promise<string[]> {
  const res = await fetch(`${baseURL}/v1/customers?limit=100`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { name: string }[]; next_page: string | null };
  expect(body.next_page).toBeNull();
  return body.data.map((c) => c.name);
}

async function expectHealthy(baseURL: string) {
  const health = await fetch(`${baseURL}/api/health`, { redirect: 'manual' });
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${baseURL}/api/ready`, { redirect: 'manual' });
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
}

async function stopWhileCreating(database: Database) {
  const key = apiKeyFor(database);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const { app, output } = await startApp(port, database);
  await expectHealthy(baseURL);

  const names = Array.from({ length: 40 }, (_, i) => `Shutdown ${i} ${Date.now()}`);
  const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
  const creates = names.map((name, i) =>
    new Promise((r) => setTimeout(r, i * 5)).then(() => create(baseURL, key, name)),
  );
  await new Promise((r) => setTimeout(r, 60));
  app.kill('SIGTERM');
  const answered = (await Promise.all(creates)).filter((n): n is string => n !== null);
  expect(await exited, output()).toBe(0);
  expect(output()).toContain('SIGTERM: finishing the requests in flight');
  expect(output()).toContain('Stopped.');

  // Opens again at once on the same database: the PGlite folder's lock was released.
  const again = await startApp(port, database);
  try {
    const saved = await savedNames(baseURL, key);
    expect(answered.length).toBeGreaterThan(0);
    expect(saved.sort()).toEqual(answered.sort());
  } finally {
    again.app.kill('SIGTERM');
  }
}

test('on PGlite: SIGTERM during creates answers every saved create, and the folder reopens at once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-stop-'));
  try {
    await stopWhileCreating({ PGLITE_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('on PostgreSQL', () => {
  test.skip(!havePostgres, 'PostgreSQL 15 binaries are not installed');

  test('SIGTERM during creates answers every saved create; /api/ready says when the database is gone', async () => {
    const pg = new ThrowawayPostgres(await freePort());
    try {
      await pg.start();
      await stopWhileCreating({ DATABASE_URL: pg.url });

      const port = await freePort();
      const baseURL = `http://127.0.0.1:${port}`;
      const { app } = await startApp(port, { DATABASE_URL: pg.url, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
      try {
        await expectHealthy(baseURL);
        await pg.stop();
        const ready = await fetch(`${baseURL}/api/ready`);
        expect(ready.status).toBe(503);
        expect(ready.headers.get('retry-after')).toBe('5');
        expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'The database is not answering.' });
        // The process itself is up: a load balancer keeps it, and sends no traffic until ready.
        expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
        await pg.start();
        await expect.poll(async () => (await fetch(`${baseURL}/api/ready`)).status, { timeout: 15_000 }).toBe(200);
      } finally {
        app.kill('SIGTERM');
      }
    } finally {
      await pg.remove();
    }
  });
});
