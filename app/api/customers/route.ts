import { NextResponse, type NextRequest } from 'next/server';
import { listCustomers } from '@/lib/data/customers';
import { parseCustomerFilters } from '@/lib/validations/customer';

export async function GET(request: NextRequest) {
  const filters = parseCustomerFilters(request.nextUrl.searchParams);
  return NextResponse.json(await listCustomers(filters), { headers: { 'cache-control': 'no-store' } });
}
