import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { authorize } from '@/lib/auth/session';
import { customerIdOwner } from '@/lib/data/customers';
import { ID_PATTERN, MAX_ID_LENGTH } from '@/lib/validations/customer';

const query = z.object({
  // Only a well-formed ID can be held by a customer (and NUL never reaches the database).
  id: z.string().trim().min(1).max(MAX_ID_LENGTH).regex(ID_PATTERN),
  except: z.uuid().optional(),
});

/** Whether a customer ID is free, or which customer holds it (ignoring case; archived customers included). */
export async function GET(request: NextRequest) {
  const caller = await authorize('customers:read');
  if (!caller.ok) return NextResponse.json({ message: caller.message }, { status: caller.status });
  const params = request.nextUrl.searchParams;
  const parsed = query.safeParse({ id: params.get('id') ?? '', except: params.get('except') || undefined });
  if (!parsed.success) return NextResponse.json({ message: 'Give a well-formed ID to check.' }, { status: 400 });
  const owner = await customerIdOwner(caller.actor, parsed.data.id, parsed.data.except);
  return NextResponse.json({ id: parsed.data.id, owner }, { headers: { 'cache-control': 'no-store' } });
}
