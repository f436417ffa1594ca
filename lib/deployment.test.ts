import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

// The deployment files (Dockerfile, deploy/) are not run here (no container runtime, no systemd):
// these keep them in step with the server they start.

const read = (file: string) => fs.readFileSync(path.join(process.cwd(), file), 'utf8');

/** The repository's files a module imports at run time, and theirs in turn. */
function localImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of read(file).matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec!));
    if (!seen.has(target)) {
      seen.add(target);
      localImports(target, seen);
    }
  }
  return seen;
}

describe('the Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const copied = [...dockerfile.matchAll(/^COPY --from=builder (?:--chown=\S+ )?(.+) \S+$/gm)].flatMap(([, from]) =>
    from!.split(/\s+/).map((f) => f.replace(/^\/app\//, '')),
  );

  it('copies every file server.mjs loads, the build, the migrations and public/', () => {
    for (const file of ['server.mjs', ...localImports('server.mjs'), '.next', 'db/migrations', 'public']) {
      expect(copied, `${file} is not copied into the image`).toContain(file);
    }
  });

  it('runs server.mjs as a non-root user, with a health check on /api/health', () => {
    expect(dockerfile).toMatch(/^USER meterline$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server\.mjs"/m);
    expect(dockerfile).toContain('/api/health');
  });
});

describe('the systemd unit', () => {
  const unit = read('deploy/meterline.service');

  it('waits longer for a stop than the server waits for its requests in flight', () => {
    const stopSeconds = Number(unit.match(/^TimeoutStopSec=(\d+)$/m)?.[1]);
    expect(stopSeconds * 1000).toBeGreaterThan(parseEnv({}).SHUTDOWN_TIMEOUT_MS);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node server\.mjs /m);
  });
});

describe('the nginx example', () => {
  const nginx = read('deploy/nginx.conf');

  it('overwrites X-Forwarded-For with the address it saw, as TRUSTED_PROXY=1 requires', () => {
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toContain('$proxy_add_x_forwarded_for');
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(read('deploy/meterline.service')).toContain('TRUSTED_PROXY=1');
  });
});
