import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataFolderLock } from './pglite-lock';

describe.skipIf(Boolean(process.env.DATABASE_URL))('a PGlite folder in use', () => {
  it('makes a second process stop with a message naming the holder, and lets it in once free', () => {
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-held-')), 'pglite');
    const release = acquireDataFolderLock(folder);
    const env = { ...process.env, PGLITE_DIR: folder, DATABASE_URL: '' };
    const migrate = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    try {
      const refused = migrate();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`is in use by another process (pid ${process.pid})`);
    } finally {
      release();
    }
    const admitted = migrate();
    expect(admitted.stderr).toBe('');
    expect(admitted.stdout).toContain('Migrations applied (pglite).');
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });
});
