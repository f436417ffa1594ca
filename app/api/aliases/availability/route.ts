import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { aliasOwner } from '@/lib/data/customers';
import { MAX_ALIAS_LENGTH } from '@/lib/validations/customer';

const query = z.object({
  alias: z
    .string()
    .trim()
    .min(1)
    .max(MAX_ALIAS_LENGTH * 4),
  except: z.uuid().optional(),
});

/** Whether an ingest alias is free, or which customer holds it (archived customers included). */
export async function GET(request: NextRequest) {
  const caller = await authorize('customers:read');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const params = request.nextUrl.searchParams;
  const parsed = query.safeParse({ alias: params.get('alias') ?? '', except: params.get('except') || undefined });
  if (!parsed.success) return NextResponse.json({ message: 'Give an alias to check.' }, { status: 400 });
  const owner = await aliasOwner(caller.actor, parsed.data.alias, parsed.data.except);
  return NextResponse.json({ alias: parsed.data.alias, owner }, { headers: { 'cache-control': 'no-store' } });
}
