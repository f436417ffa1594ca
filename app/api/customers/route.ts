import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/session';
import { listCustomers } from '@/lib/data/customers';
import { parseCustomerFilters } from '@/lib/validations/customer';

export async function GET(request: NextRequest) {
  const caller = await authorize('customers:read');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await listCustomers(caller.actor, filters), { headers: { 'cache-control': 'no-store' } });
}
