import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderInUseError } from './pglite-lock';

const folders: string[] = [];
function tempFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-lock-'));
  folders.push(dir);
  return path.join(dir, 'pglite');
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data folder lock', () => {
  it('writes our pid and removes the lock on release', () => {
    const folder = tempFolder();
    const release = acquireDataFolderLock(folder);
    expect(fs.readFileSync(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });

  it('refuses a folder held by a live process, naming its pid', async () => {
    const folder = tempFolder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(`${folder}.lock`, String(holder.pid));
      expect(() => acquireDataFolderLock(folder)).toThrow(DataFolderInUseError);
      expect(() => acquireDataFolderLock(folder)).toThrow(`in use by another process (pid ${holder.pid})`);
      expect(fs.readFileSync(`${folder}.lock`, 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that has died', () => {
    const folder = tempFolder();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    fs.writeFileSync(`${folder}.lock`, String(dead.pid));
    const release = acquireDataFolderLock(folder);
    expect(fs.readFileSync(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
