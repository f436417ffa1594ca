/**
 * The customers of a list view as a CSV stream: the view's rows are read a keyset page at a time
 * and written as they come, so an export of any length holds one page in memory.
 */
import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { CSV_BOM, csvLine } from '@/lib/csv/write-csv';
import type { CustomerFilters } from '@/lib/validations/customer-filters';
import { csvHeaders, customerCsvRecord } from '@/lib/validations/customer-csv';
import { customerViewPages, viewCustomFieldKeys } from './customers';

/** Rows read (and written) at a time: one statement and one chunk each. */
export const EXPORT_PAGE_SIZE = 5000;

/**
 * More different custom-field keys than this in one view and the export is refused (each key is a
 * column; a customer holds at most 50, so only a view of many unlike customers gets near it).
 */
export const MAX_EXPORT_CUSTOM_KEYS = 500;

export type CustomerExport = { ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; message: string };

/**
 * The view's CSV: a header, then one record a customer in the list's order. The custom-field
 * columns are fixed before the first row is written — the header comes first — so they are read
 * first, in one pass over the view (viewCustomFieldKeys); a key added to a customer while the
 * export runs has no column (its row is still written, without it).
 */
export async function exportCustomers(
  actor: Actor,
  filters: CustomerFilters,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<CustomerExport> {
  const customKeys = await viewCustomFieldKeys(actor, filters, MAX_EXPORT_CUSTOM_KEYS);
  if (customKeys.length > MAX_EXPORT_CUSTOM_KEYS) {
    return {
      ok: false,
      message: `These customers hold more than ${MAX_EXPORT_CUSTOM_KEYS} different custom fields, one column each: narrow the view (a tag, a plan, a search) and export it in parts.`,
    };
  }
  const pages = customerViewPages(actor, filters, pageSize);
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    // One page a pull: the reader's pace sets the reading's, so memory stays one page.
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark makes spreadsheets read the file as UTF-8.
        controller.enqueue(encoder.encode(`${CSV_BOM}${csvLine(csvHeaders(customKeys))}`));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(customerCsvRecord(row, customKeys))).join('')));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return { ok: true, stream };
}
