import { NextResponse } from 'next/server';
import { countCustomers } from '@/lib/data/customers';
import { routeHandler } from '@/lib/http/route-handler';
import { parseCustomerFilters } from '@/lib/validations/customer-filters';

/** How many customers the view matches: exact up to a limit, the planner's estimate past it. */
export const GET = routeHandler('customers:read', async (request, actor) => {
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await countCustomers(actor, filters));
});
