import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startApp, stopProcess } from './throwaway';

// The server's log, read as an operator would: one JSON line per request with its id (the
// answer's X-Request-Id), method, path, status, duration and who made it; never a secret.

test.describe.configure({ timeout: 180_000 });

const ADMIN = { email: 'logs-admin@e2e.test', password: 'logs-password-never-logged-1234' };

test('a JSON line per request, with its id, status and actor, and no password, cookie or API key', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-logs-'));
  const env = { PGLITE_DIR: path.join(dir, 'pglite'), DATABASE_URL: '', LOG_LEVEL: 'info', LOG_FORMAT: '' };
  const run = (...args: string[]) =>
    spawnSync('npm', ['run', '--silent', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const made = run('user:create', '--', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password);
  expect(made.status, made.stderr).toBe(0);
  const keyMade = run('apikey:create', '--', '--name', 'log-reader', '--role', 'viewer');
  const key = keyMade.stdout.trim().split('\n').at(-1)!;
  expect(key).toMatch(/^mlk_/);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { app, output } = await startApp(port, env);
  try {
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(ADMIN),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const sessionToken = cookie.split('=')[1]!;

    const page = await fetch(`${base}/customers?search=secret-search-term`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const api = await fetch(`${base}/v1/customers`, { headers: { authorization: `Bearer ${key}` } });
    expect(api.status).toBe(200);
    const refused = await fetch(`${base}/v1/customers`, { headers: { authorization: 'Bearer mlk_not-a-real-key' } });
    expect(refused.status).toBe(401);

    await expect
      .poll(
        () =>
          output()
            .split('\n')
            .filter((l) => l.includes('"msg":"request"')).length,
      )
      .toBeGreaterThanOrEqual(4);
    // Next prints one line of its own while it starts; from the server's first line on, all is JSON.
    const all = output().split('\n');
    const lines = all.slice(all.findIndex((l) => l.includes('Meterline on'))).filter((l) => l.trim() !== '');
    const entries = lines.map((line) => {
      expect(() => JSON.parse(line), `not a JSON line: ${line}`).not.toThrow();
      return JSON.parse(line) as Record<string, unknown>;
    });
    const requests = entries.filter((e) => e.msg === 'request');
    const find = (method: string, pathname: string, status: number) =>
      requests.find((e) => e.method === method && e.path === pathname && e.status === status);

    const pageLine = find('GET', '/customers', 200);
    expect(pageLine).toMatchObject({ reqId: page.headers.get('x-request-id'), actor: `user ${ADMIN.email}` });
    expect(typeof pageLine?.ms).toBe('number');
    expect(find('GET', '/v1/customers', 200)).toMatchObject({
      reqId: api.headers.get('x-request-id'),
      actor: 'API key log-reader',
    });
    const refusedLine = find('GET', '/v1/customers', 401);
    expect(refusedLine?.reqId).toBe(refused.headers.get('x-request-id'));
    expect(refusedLine).not.toHaveProperty('actor');
    expect(find('POST', '/api/auth/sign-in/email', 200)).toBeDefined();

    const log = output();
    for (const secret of [
      ADMIN.password,
      sessionToken,
      key,
      key.slice(4),
      'mlk_not-a-real-key',
      'secret-search-term',
    ]) {
      expect(log, `the log holds ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
  } finally {
    await stopProcess(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
