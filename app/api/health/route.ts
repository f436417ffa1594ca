// The process is up and serving: no database, no sign-in. For a load balancer's liveness probe.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
