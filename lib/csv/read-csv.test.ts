import { describe, expect, it } from 'vitest';
import { CsvFileError, detectDelimiter, readCsv } from './read-csv';

async function records(text: string | string[], opts?: Parameters<typeof readCsv>[1]) {
  const chunks = Array.isArray(text) ? text : [text];
  const out: string[][] = [];
  for await (const r of readCsv(
    chunks.map((c) => Buffer.from(c)),
    opts,
  ))
    out.push(r);
  return out;
}

describe('reading a CSV file', () => {
  it('reads quoted fields with separators, quotes and line breaks inside', async () => {
    expect(await records('ID,Name\r\nacme,"Acme, ""the"" company"\r\nbeta,"line 1\nline 2"\r\n')).toEqual([
      ['ID', 'Name'],
      ['acme', 'Acme, "the" company'],
      ['beta', 'line 1\nline 2'],
    ]);
  });

  it('drops a UTF-8 BOM, so the first header matches', async () => {
    expect((await records('\uFEFFID,Name\nacme,Acme\n'))[0]).toEqual(['ID', 'Name']);
  });

  it('reads ; as the separator when the header line uses it, even split across chunks', async () => {
    expect(await records(['\uFEFFID;Na', 'me;Tags\nacme;Acme, Inc.;a|b\n'])).toEqual([
      ['ID', 'Name', 'Tags'],
      ['acme', 'Acme, Inc.', 'a|b'],
    ]);
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(detectDelimiter('a;b;c,d\n')).toBe(';');
  });

  it('keeps rows shorter or longer than the header, and skips blank lines', async () => {
    expect(await records('ID,Name\nacme\n\nbeta,Beta,extra\n')).toEqual([
      ['ID', 'Name'],
      ['acme'],
      ['beta', 'Beta', 'extra'],
    ]);
  });

  it('refuses the row past the cap, naming it', async () => {
    const rows = ['ID', ...Array.from({ length: 5 }, (_, i) => `c${i}`)].join('\n');
    expect(await records(rows, { maxRows: 5 })).toHaveLength(6);
    await expect(records(`${rows}\nc5`, { maxRows: 5 })).rejects.toThrow(/more than 5 rows: row 7 is one too many/);
  });

  it('refuses the 200,001st row of a file at the default cap, after reading the 200,000 before it', async () => {
    let read = 0;
    const reading = (async () => {
      for await (const record of readCsv([Buffer.from(`ID\n${'x\n'.repeat(200_001)}`)])) read += record.length;
    })();
    await expect(reading).rejects.toThrow(/more than 200,000 rows: row 200,002 is one too many/);
    expect(read).toBe(200_001); // the header and 200,000 rows
  }, 30_000);

  it('refuses a file larger than the byte cap while reading it', async () => {
    await expect(records(['ID\n', 'a'.repeat(20), '\n'], { maxBytes: 10 })).rejects.toThrow(CsvFileError);
  });

  it('refuses text that is not CSV, with a sentence', async () => {
    await expect(records('ID,Name\nacme,"open quote\n')).rejects.toThrow(/not a CSV file we can read/);
  });
});
