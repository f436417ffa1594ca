import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { V1RouteHandler } from '@/lib/http/v1';
import { v1OpenApiDocument } from './openapi';
import { V1_OPERATIONS, type V1Operation } from './operations';

// The OpenAPI document against the route files under app/v1: every route has its operation and
// every operation its route, and the route checks requests with the very schema objects the
// document is generated from, so the two cannot drift apart.

const V1_DIR = path.resolve(__dirname, '../../../app/v1');
const OUTSIDE = new Set(['[[...path]]', 'openapi.json']);

/** `/v1/customers/[customer_id]/setName` and `/v1/customers/{customer_id}/setName` alike. */
const shape = (p: string) => p.replace(/\[[^\]]+\]|\{[^}]+\}/g, '{}');

function routeFiles(dir = V1_DIR, prefix = '/v1'): { path: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name === 'route.ts') return [{ path: prefix, file: path.join(dir, entry.name) }];
    if (!entry.isDirectory() || (dir === V1_DIR && OUTSIDE.has(entry.name))) return [];
    return routeFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`);
  });
}

const operations = Object.entries(V1_OPERATIONS) as [string, V1Operation][];

async function servedMethods() {
  const served: { path: string; method: 'get' | 'post'; handler: V1RouteHandler }[] = [];
  for (const route of routeFiles()) {
    const mod = (await import(route.file)) as Record<string, Partial<V1RouteHandler>>;
    for (const method of ['GET', 'POST'] as const) {
      const handler = mod[method];
      if (handler?.v1Options) {
        served.push({
          path: route.path,
          method: method.toLowerCase() as 'get' | 'post',
          handler: handler as V1RouteHandler,
        });
      }
    }
  }
  return served;
}

describe('the /v1 OpenAPI document', () => {
  const document = v1OpenApiDocument();

  it('is OpenAPI 3.1 with the bearer scheme, and the Idempotency-Key header on every POST', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const [, op] of operations) {
      const operation = document.paths?.[op.path]?.[op.method];
      const names = (operation?.parameters ?? []).map((p) => ('name' in p ? p.name : undefined));
      expect(names.includes('Idempotency-Key'), `${op.method} ${op.path}`).toBe(op.method === 'post');
    }
  });

  it('has every operation once, each with its answer and its errors (status and code)', () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
      (['get', 'post'] as const).filter((m) => item?.[m]).map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(operations.map(([, op]) => `${op.method} ${op.path}`).sort());
    const create = document.paths?.['/v1/customers']?.post;
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual(
      ['200', '400', '401', '403', '409', '413', '422', '429', '500', '503'].sort(),
    );
    const conflict = create?.responses?.['409'] as { content: { 'application/json': { schema: unknown } } };
    expect(JSON.stringify(conflict.content['application/json'].schema)).toContain('ingest_alias_taken');
    const retrieve = document.paths?.['/v1/customers/{customer_id}']?.get;
    expect(retrieve?.responses?.['403'], 'a viewer may retrieve: no 403').toBeUndefined();
    expect(retrieve?.responses?.['404']).toBeDefined();
  });

  it('renders each request body from its schema (name required, cut rather than refused)', () => {
    const body = document.paths?.['/v1/customers']?.post?.requestBody as {
      content: { 'application/json': { schema: { required: string[]; properties: Record<string, unknown> } } };
    };
    const schema = body.content['application/json'].schema;
    expect(schema.required).toEqual(['name']);
    expect(schema.properties.name).not.toHaveProperty('maxLength');
    expect(schema.properties.external_id).toMatchObject({ maxLength: 128 });
  });

  it("lists every example that passes its operation's own schema", () => {
    for (const [id, op] of operations) {
      if (!('example' in op) || !op.example) continue;
      const schema = op.body ?? op.query;
      expect(schema?.safeParse(op.example).success, id).toBe(true);
    }
  });

  it('has an operation for every route file under app/v1, with the same role and schema objects', async () => {
    const served = await servedMethods();
    for (const route of served) {
      const match = operations.find(([, op]) => op.method === route.method && shape(op.path) === shape(route.path));
      expect(match, `${route.method.toUpperCase()} ${route.path} is not in the document`).toBeDefined();
      const [id, op] = match!;
      expect(route.handler.v1Options.role, id).toBe(op.role);
      expect(route.handler.v1Options.body === op.body, `${id}: the route checks its body with another schema`).toBe(
        true,
      );
      expect(route.handler.v1Options.query === op.query, `${id}: the route checks its query with another schema`).toBe(
        true,
      );
    }
  });

  it('has a route file under app/v1 for every operation', async () => {
    const served = await servedMethods();
    const missing = operations
      .filter(([, op]) => !served.some((r) => r.method === op.method && shape(r.path) === shape(op.path)))
      .map(([, op]) => `${op.method.toUpperCase()} ${op.path}`);
    expect(missing).toEqual([]);
  });
});
