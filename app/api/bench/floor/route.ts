import { NextResponse } from 'next/server';
import { env } from '@/lib/env';

// The bare route `npm run bench` measures the portal against: the same server and proxy, and no
// app code. It answers only on a server started with METERLINE_BENCH=1; elsewhere it is not there.
export const dynamic = 'force-dynamic';

export function GET() {
  if (!env.METERLINE_BENCH) return NextResponse.json({ message: 'Not found.' }, { status: 404 });
  return NextResponse.json({ ok: true });
}
