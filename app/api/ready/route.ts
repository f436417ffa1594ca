import { checkReadiness } from '@/lib/data/readiness';

// The database answers and this build's migrations are applied: for a load balancer's readiness
// probe (send traffic here or not). No sign-in; says nothing but the reason.
export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { 'cache-control': 'no-store' };
  if (readiness.ready) return Response.json({ status: 'ready' }, { headers });
  return Response.json(
    { status: 'unavailable', reason: readiness.reason },
    { status: 503, headers: { ...headers, 'retry-after': '5' } },
  );
}
