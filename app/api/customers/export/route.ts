import { csvDownloadHeaders } from '@/lib/csv/write-csv';
import { exportCustomers } from '@/lib/data/customer-export';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

/**
 * The list's view (the same query string as the page's URL) as a CSV file: every customer it
 * matches, not one page, streamed as it is read. Anyone who may read customers may export them.
 */
export const GET = routeHandler('customers:read', async (request, actor) => {
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  const result = await exportCustomers(actor, filters);
  if (!result.ok) return jsonError(result.message, 422);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(result.stream, {
    headers: csvDownloadHeaders(`customers-${day}.csv`),
  });
});
