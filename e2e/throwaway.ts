import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A PostgreSQL cluster of a test's own (never the machine's shared one), and the built app
// started against it: for the tests of what happens when the database goes down or freezes.

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const havePostgres = ['initdb', 'postgres'].every((b) => fs.existsSync(path.join(PG_BIN, b)));

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user. */
const asPostgres = (bin: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]]
    : [path.join(PG_BIN, bin), args];

export class ThrowawayPostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-outage-'));
  readonly data = path.join(this.dir, 'data');
  private server: ChildProcess | null = null;

  constructor(readonly port: number) {
    if (process.getuid?.() === 0) spawnSync('chown', ['postgres:', this.dir]);
    const [cmd, args] = asPostgres('initdb', [
      '-D',
      this.data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    const init = spawnSync(cmd, args, { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Starts the server (returns once it takes connections). */
  async start(): Promise<void> {
    const [cmd, args] = asPostgres('postgres', [
      '-D',
      this.data,
      '-p',
      String(this.port),
      '-k',
      this.dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ]);
    this.server = spawn(cmd, args, { stdio: 'ignore' });
    for (const started = Date.now(); Date.now() - started < 30_000;) {
      if (
        (await new Promise<boolean>((resolve) => {
          const socket = net.connect(this.port, '127.0.0.1', () => {
            socket.end();
            resolve(true);
          });
          socket.on('error', () => resolve(false));
        })) &&
        fs.existsSync(path.join(this.data, 'postmaster.pid'))
      ) {
        const ready = spawnSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port)]);
        if (ready.status === 0) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the throwaway PostgreSQL did not start');
  }

  /** The postmaster and every process it started. */
  private pids(): number[] {
    const postmaster = Number(fs.readFileSync(path.join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // The parent pid is the 4th field, after the command name in parentheses.
          const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  /** Freezes every PostgreSQL process (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
    // runuser stops itself when its child is stopped (as a shell job would): wake it too.
    if (this.server?.pid && this.server.exitCode === null) process.kill(this.server.pid, 'SIGCONT');
  }

  /** Stops the server at once (a crash, as far as clients can tell) and waits for it to be gone. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      this.thaw();
      const postmaster = Number(fs.readFileSync(path.join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGQUIT'); // immediate shutdown
    } catch {
      server.kill('SIGKILL');
    }
    await exited;
    this.server = null;
  }

  async remove(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The built app (server.mjs), started with `env` on `port`; resolves once it listens. */
export async function startApp(
  port: number,
  env: Record<string, string>,
): Promise<{ app: ChildProcess; output: () => string }> {
  let output = '';
  const app = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, TRUSTED_PROXY: '', PGLITE_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout!.on('data', (d) => (output += d));
  app.stderr!.on('data', (d) => (output += d));
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    if (output.includes(`:${port}`)) return { app, output: () => output };
    if (app.exitCode !== null) throw new Error(`the app stopped at start (exit ${app.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not start:\n${output}`);
}

/** Stops a process this test started, and waits for it. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
