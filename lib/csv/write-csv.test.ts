import { describe, expect, it } from 'vitest';
import { csvLine, csvQuote, csvText } from './write-csv';

describe('CSV writer', () => {
  it('leaves plain cells alone and quotes those a reader would split or trim', () => {
    expect(csvQuote('acme-1')).toBe('acme-1');
    expect(csvQuote('')).toBe('');
    expect(csvQuote('a,b')).toBe('"a,b"');
    expect(csvQuote('say "hi"')).toBe('"say ""hi"""');
    expect(csvQuote('one\ntwo')).toBe('"one\ntwo"');
    expect(csvQuote('cr\r')).toBe('"cr\r"');
    expect(csvQuote(' padded ')).toBe('" padded "');
    expect(csvQuote('Zürich 🚀')).toBe('Zürich 🚀');
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('writes rows, with a byte-order mark when asked', () => {
    expect(
      csvText(
        [
          ['ID', 'Name'],
          ['a', 'x,y'],
        ],
        { bom: true },
      ),
    ).toBe('\uFEFFID,Name\r\na,"x,y"\r\n');
  });
});
