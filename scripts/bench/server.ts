// The real app: built once, served on a scratch database as `npm start` serves it, signed in over HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Where a run's server keeps its data: the scratch PostgreSQL database or PGlite folder. */
export type DatabaseEnv = { DATABASE_URL: string } | { PGLITE_DIR: string };

/** The environment for the app's processes: the scratch database, and nothing of the caller's. */
export function appEnv(database: DatabaseEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  return { ...env, ...database };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Signs the server's session cookies; the same for user:create and the server. */
const AUTH_SECRET = randomBytes(32).toString('base64url');

export function buildApp(log: (line: string) => void) {
  log('Building the app (next build)…');
  // Prerendering opens the database and the auth secret: a throwaway in-memory PGlite and a
  // secret of this run, not the checkout's .data/pglite.
  const env = appEnv({ PGLITE_DIR: 'memory://' }, { BETTER_AUTH_SECRET: AUTH_SECRET });
  run('npx', ['next', 'build'], env, 'next build');
}

export const BENCH_PASSWORD = `bench-${randomBytes(9).toString('base64url')}`;
export const BENCH_EMAIL = 'bench-editor@meterline.example';

/** Adds the editor the bench signs in as, from the shell, before the server starts. */
export function createUser(database: DatabaseEnv) {
  run(
    'npm',
    ['run', '--silent', 'user:create', '--', '--email', BENCH_EMAIL, '--role', 'editor', '--password', BENCH_PASSWORD],
    appEnv(database, { BETTER_AUTH_SECRET: AUTH_SECRET }),
    'npm run user:create',
  );
}

/** Makes the editor API key the /v1 scenarios send, as `npm run apikey:create` does; returns the key. */
export function createApiKey(database: DatabaseEnv): string {
  const stdout = run(
    'npm',
    ['run', '--silent', 'apikey:create', '--', '--name', 'bench', '--role', 'editor'],
    appEnv(database),
    'npm run apikey:create',
  );
  const key = stdout.trim().split('\n').pop() ?? '';
  if (!key) throw new Error('npm run apikey:create printed no key');
  return key;
}

export interface Server {
  baseUrl: string;
  /** The server process (server.mjs runs Next in it). */
  pid: number | undefined;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * The build, served as `npm start` serves it (server.mjs: Next's production server, which also
 * vouches for the client address), on 127.0.0.1:port, with METERLINE_BENCH=1 so the bare floor
 * route and the session twin of /v1's retrieve answer, and /v1's per-key rate limit off (the bench
 * sends far more than its default 100 requests/s, with one key).
 */
export async function startServer(database: DatabaseEnv, port: number): Promise<Server> {
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: appEnv(database, {
      METERLINE_BENCH: '1',
      BETTER_AUTH_SECRET: AUTH_SECRET,
      NODE_ENV: 'production',
      V1_RATE_LIMIT_PER_SECOND: '0',
      V1_RATE_LIMIT_BURST: '0',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, stopped as one
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    if ((await Promise.race([exit, timeout])) === 'timeout') {
      process.kill(-child.pid, 'SIGKILL');
      await exit;
    }
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the server exited:\n${output}`);
    try {
      // Any answer means it listens; /sign-in also opens the database (and, on PGlite, migrates).
      const response = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, pid: child.pid, stop, output: () => output };
}

/** Signs in as the bench's editor; returns the Cookie header for later requests. */
export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${body}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (!cookies.some((c) => c.includes('session_token='))) throw new Error('sign-in set no session cookie');
  return cookies.join('; ');
}
