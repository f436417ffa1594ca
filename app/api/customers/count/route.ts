import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/session';
import { countCustomers } from '@/lib/data/customers';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

/** How many customers the view matches: exact up to a limit, the planner's estimate past it. */
export async function GET(request: NextRequest) {
  const caller = await authorize('customers:read');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await countCustomers(caller.actor, filters), { headers: { 'cache-control': 'no-store' } });
}
