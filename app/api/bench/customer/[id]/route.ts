import { NextResponse, type NextRequest } from 'next/server';
import type { Actor } from '@/lib/auth/permissions';
import { retrieveV1Customer } from '@/lib/data/v1-customers';
import { env } from '@/lib/env';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { V1Error } from '@/lib/validations/v1/errors';

// `npm run bench`'s session twin of GET /v1/customers/{id}: the same read and the same JSON, signed
// by the portal's session instead of an API key, so the difference between the two is what key
// checking (and /v1's wrapper) adds. Answers only on a server started with METERLINE_BENCH=1;
// elsewhere it is not there.
export const dynamic = 'force-dynamic';

/** The customer, or the data layer's 404 as the portal's `{ message }`. */
async function retrieve(actor: Actor, id: string): Promise<Response> {
  try {
    return NextResponse.json({ data: await retrieveV1Customer(actor, id) });
  } catch (err) {
    if (err instanceof V1Error) return jsonError(err.message, err.status);
    throw err;
  }
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (!env.METERLINE_BENCH) return jsonError('Not found.', 404);
  const { id } = await params;
  return routeHandler('customers:read', (_request, actor) => retrieve(actor, id))(request);
}
