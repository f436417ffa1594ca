import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getCustomerImport } from '@/lib/data/customer-imports';
import { jsonError, routeHandler } from '@/lib/http/route-handler';

/** An import's state and first errors, polled by its page while the job runs. */
export const GET = routeHandler('customers:write', async (request, actor) => {
  const id = z.uuid().safeParse(request.nextUrl.searchParams.get('id'));
  if (!id.success) return jsonError('Give the import’s id.', 400);
  const state = await getCustomerImport(actor, id.data);
  return state ? NextResponse.json(state) : jsonError('No such import.', 404);
});
