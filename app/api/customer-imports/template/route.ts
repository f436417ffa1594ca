import { csvDownloadHeaders, csvText } from '@/lib/csv/write-csv';
import { routeHandler } from '@/lib/http/route-handler';
import { csvTemplate } from '@/lib/validations/customer-csv';

/** The import template: every column the import reads, and one example row. */
export const GET = routeHandler(
  'customers:write',
  () => new Response(csvText(csvTemplate(), { bom: true }), { headers: csvDownloadHeaders('customers-template.csv') }),
);
