import { NextResponse, type NextRequest } from 'next/server';
import { revalidatePath } from 'next/cache';
import { invalid } from '@/lib/action-result';
import { authorize } from '@/lib/auth/session';
import { insertCustomer, listCustomers } from '@/lib/data/customers';
import { readJsonBody } from '@/lib/http/read-json-body';
import { customerInput } from '@/lib/validations/customer';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

const noStore = { 'cache-control': 'no-store' };

/** One page of the list, in the view the query string names (the same view as the page's URL). */
export async function GET(request: NextRequest) {
  const caller = await authorize('customers:read');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await listCustomers(caller.actor, filters), { headers: noStore });
}

/**
 * Creates a customer from the form's JSON (for automation). Only JSON from this origin: a
 * cross-site form cannot send application/json without a preflight, which this route never grants.
 */
export async function POST(request: NextRequest) {
  const caller = await authorize('customers:write');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const origin = request.headers.get('origin');
  if (origin !== null && URL.parse(origin)?.host !== request.headers.get('host')) {
    return NextResponse.json({ message: 'Cross-origin requests are not allowed.' }, { status: 403 });
  }
  const body = await readJsonBody(request, { what: 'the customer' });
  if (!body.ok) return body.response;
  const parsed = customerInput.safeParse(body.value);
  if (!parsed.success) return NextResponse.json(invalid(parsed.error), { status: 422 });
  const result = await insertCustomer(caller.actor, parsed.data);
  if (!result.ok) return NextResponse.json(result, { status: 409 });
  revalidatePath('/customers');
  return NextResponse.json({ id: result.data.id }, { status: 201, headers: noStore });
}
