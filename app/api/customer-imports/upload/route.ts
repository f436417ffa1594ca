import { NextResponse } from 'next/server';
import { readCsv, MAX_CSV_BYTES } from '@/lib/csv/read-csv';
import { createCustomerImport } from '@/lib/data/customer-imports';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { MAX_FILE_NAME_LENGTH } from '@/lib/validations/customer-import';

/**
 * An import's file (or pasted text) as the raw body, streamed through the CSV reader into the
 * database: never held whole in memory. proxy.ts leaves this path alone, so its body is not
 * buffered before it gets here.
 */
export const POST = routeHandler('customers:write', async (request, actor) => {
  const length = request.headers.get('content-length');
  if (length === null) return jsonError('Send the file with its Content-Length.', 411);
  if (Number(length) > MAX_CSV_BYTES) {
    return jsonError(`The file is larger than ${MAX_CSV_BYTES / 2 ** 20} MB. Split it into smaller files.`, 413);
  }
  if (!request.body || Number(length) === 0) return jsonError('The file is empty.', 400);
  const name = (request.nextUrl.searchParams.get('name') ?? '').replace(/[\p{Cc}]/gu, '').trim();
  const fileName = name.slice(0, MAX_FILE_NAME_LENGTH) || 'Pasted text';
  const result = await createCustomerImport(
    actor,
    fileName,
    readCsv(request.body as unknown as AsyncIterable<Uint8Array>),
  );
  return result.ok ? NextResponse.json(result.data, { status: 201 }) : jsonError(result.message, 400);
});
