import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';

/** The largest file an import reads (bytes), checked before parsing (Content-Length) and while reading. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** The most data rows (the header not counted) an import reads. */
export const MAX_CSV_ROWS = 200_000;
/** The largest single record: a whole customer with 2,000 aliases fits in far less. */
const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/** A file that cannot be read as CSV, with a sentence for the person who sent it. */
export class CsvFileError extends Error {}

/** `;` when the first line has more semicolons than commas outside quotes (a European spreadsheet's export), else `,`. */
export function detectDelimiter(start: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of start) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Counts the bytes that pass and stops the stream past `max`. */
async function* capped(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, max: number) {
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > max) {
      throw new CsvFileError(`The file is larger than ${max / 2 ** 20} MB. Split it into smaller files.`);
    }
    yield bytes;
  }
}

/**
 * The records of a CSV stream, first the header, one at a time (memory holds one chunk and one
 * record): quoted fields with embedded line breaks and quotes, a UTF-8 BOM, `,` or `;` (from the
 * header line). Refuses a stream past `maxBytes`, more than `maxRows` data rows, or text that is
 * not CSV, with a CsvFileError naming the line.
 */
export async function* readCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  { maxBytes = MAX_CSV_BYTES, maxRows = MAX_CSV_ROWS }: { maxBytes?: number; maxRows?: number } = {},
): AsyncGenerator<string[]> {
  const iterator = capped(source, maxBytes)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headText = '';
  // The delimiter is read from the first line, which may come in several chunks.
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    headText = Buffer.concat(head).toString('utf8');
    if (/[\r\n]/.test(headText) || headText.length > 64 * 1024) break;
  }
  const rest = async function* () {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const input = Readable.from(rest());
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(headText.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  input.on('error', (err) => parser.destroy(err)); // pipe() does not pass a source's error on
  let rows = -1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows++;
      if (rows > maxRows) {
        throw new CsvFileError(
          `The file has more than ${maxRows.toLocaleString('en-US')} rows: row ${(rows + 1).toLocaleString('en-US')} is one too many. Split it into smaller files.`,
        );
      }
      yield record;
    }
  } catch (err) {
    input.destroy();
    parser.destroy();
    if (err instanceof CsvError) throw new CsvFileError(`This is not a CSV file we can read: ${err.message}`);
    throw err;
  }
}
