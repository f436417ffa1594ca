import { NextResponse } from 'next/server';
import { z } from 'zod';
import { aliasOwner } from '@/lib/data/customers';
import { jsonError, routeHandler } from '@/lib/http/route-handler';
import { MAX_ALIAS_LENGTH } from '@/lib/validations/customer';

const query = z.object({
  alias: z
    .string()
    .trim()
    .min(1)
    .max(MAX_ALIAS_LENGTH * 4)
    // Postgres text cannot hold NUL; no alias has a control character.
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s)),
  except: z.uuid().optional(),
});

/** Whether an ingest alias is free, or which customer holds it (archived customers included). */
export const GET = routeHandler('customers:read', async (request, actor) => {
  const params = request.nextUrl.searchParams;
  const parsed = query.safeParse({ alias: params.get('alias') ?? '', except: params.get('except') || undefined });
  if (!parsed.success) return jsonError('Give an alias to check (letters, digits and punctuation).', 400);
  const owner = await aliasOwner(actor, parsed.data.alias, parsed.data.except);
  return NextResponse.json({ alias: parsed.data.alias, owner });
});
