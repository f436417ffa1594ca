import { NextResponse } from 'next/server';

// The server's memory, for `npm run bench`'s worst-request check. Answers only on a server
// started with METERLINE_BENCH=1; elsewhere it is not there.
export const dynamic = 'force-dynamic';

export function GET() {
  if (process.env.METERLINE_BENCH !== '1') return NextResponse.json({ message: 'Not found.' }, { status: 404 });
  const { heapUsed, rss } = process.memoryUsage();
  return NextResponse.json({ heapUsed, rss }, { headers: { 'cache-control': 'no-store' } });
}
