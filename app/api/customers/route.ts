import { NextResponse } from 'next/server';
import { revalidatePath } from 'next/cache';
import { invalid } from '@/lib/action-result';
import { listCustomers } from '@/lib/data/customers';
import { insertCustomer } from '@/lib/data/customers-write';
import { readJsonBody } from '@/lib/http/read-json-body';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { customerInput } from '@/lib/validations/customer';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

/** One page of the list, in the view the query string names (the same view as the page's URL). */
export const GET = routeHandler('customers:read', async (request, actor) => {
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await listCustomers(actor, filters));
});

/**
 * Creates a customer from the form's JSON (for automation). Only JSON from this origin: a
 * cross-site form cannot send application/json without a preflight, which this route never grants.
 */
export const POST = routeHandler('customers:write', async (request, actor) => {
  const origin = request.headers.get('origin');
  if (origin !== null && URL.parse(origin)?.host !== request.headers.get('host')) {
    return jsonError('Cross-origin requests are not allowed.', 403);
  }
  const body = await readJsonBody(request, { what: 'the customer' });
  if (!body.ok) return body.response;
  const parsed = customerInput.safeParse(body.value);
  if (!parsed.success) return NextResponse.json(invalid(parsed.error), { status: 422 });
  const result = await insertCustomer(actor, parsed.data);
  // A value someone else holds is a conflict; a price plan that is gone is invalid input.
  if (!result.ok)
    return NextResponse.json(result, { status: 'reason' in result && result.reason === 'invalid' ? 422 : 409 });
  revalidatePath('/customers');
  return NextResponse.json({ id: result.data.id }, { status: 201 });
});
