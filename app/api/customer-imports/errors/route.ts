import { z } from 'zod';
import { csvDownloadHeaders, csvText } from '@/lib/csv/write-csv';
import { customerImportErrorPages, getCustomerImport } from '@/lib/data/customer-imports';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { neutraliseCell } from '@/lib/validations/customer-csv';

/** Every error of an import as CSV (row, column, message), streamed a page at a time. */
export const GET = routeHandler('customers:write', async (request, actor) => {
  const id = z.uuid().safeParse(request.nextUrl.searchParams.get('id'));
  if (!id.success) return jsonError('Give the import’s id.', 400);
  const state = await getCustomerImport(actor, id.data);
  if (!state) return jsonError('No such import.', 404);
  const pages = customerImportErrorPages(actor, id.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvText([['Row', 'Column', 'Message']], { bom: true })));
    },
    async pull(controller) {
      const page = await pages.next();
      if (page.done) return controller.close();
      const rows = page.value.map((e) => [String(e.rowNumber), e.column, e.message].map(neutraliseCell));
      controller.enqueue(encoder.encode(csvText(rows)));
    },
  });
  const base = state.job.fileName.replace(/\.csv$/i, '');
  return new Response(body, { headers: csvDownloadHeaders(`${base}-errors.csv`) });
});
