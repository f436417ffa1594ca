import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { acquireDataFolderLock } from '../db/pglite-lock';
import { freePort, startApp, stopProcess } from './throwaway';

// server.mjs opens its database before it listens: a PGlite folder another process holds stops it
// at once, with the message, rather than leaving a server up that answers 500 to everything.

test('a second server on a PGlite folder in use stops at start, naming the holder', async () => {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meterline-held-')), 'pglite');
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const release = acquireDataFolderLock(folder);
  try {
    const started = startApp(await freePort(), { PGLITE_DIR: folder, DATABASE_URL: '' });
    const refused = await started.then(
      async ({ app }) => {
        await stopProcess(app);
        return 'it started and listened';
      },
      (err: Error) => err.message,
    );
    expect(refused).toContain('the app stopped at start (exit 1)');
    expect(refused).toContain(
      `Meterline cannot start: The PGlite data folder ${folder} is in use by another process (pid ${process.pid})`,
    );
  } finally {
    release();
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  }
});
