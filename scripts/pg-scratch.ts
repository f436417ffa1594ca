import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// Scratch databases on the server DATABASE_URL names, so every test run starts clean and
// leaves that database as it found it.
//   tsx scripts/pg-scratch.ts create <label>   prints the new database's URL
//   tsx scripts/pg-scratch.ts drop <url>
async function main() {
  const [command, arg] = process.argv.slice(2);
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    if (command === 'create') {
      const name =
        `meterline_${(arg ?? 'test').replace(/[^a-z0-9_]/gi, '')}_${randomBytes(4).toString('hex')}`.toLowerCase();
      await admin.query(`create database "${name}"`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      console.log(url.toString());
    } else if (command === 'drop' && arg) {
      const name = new URL(arg).pathname.slice(1);
      if (!/^meterline_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a scratch database`);
      await admin.query(`drop database if exists "${name}" with (force)`);
    } else {
      throw new Error('usage: pg-scratch.ts create <label> | drop <url>');
    }
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
