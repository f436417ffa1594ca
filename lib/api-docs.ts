import { isGeneralError, v1OpenApiDocument, type V1OperationExtensions } from '@/lib/validations/v1/openapi';

// The portal's API page, read out of the OpenAPI document: per operation its fields, answer shape,
// errors and examples. Nothing here knows one endpoint from another.

/** The JSON Schema subset zod makes. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
}

export interface DocField {
  name: string;
  type: string;
  required: boolean;
  rule: string;
}

export interface DocError {
  status: string;
  code: string;
  when: string;
}

export interface DocOperation {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  role: string;
  sdk: string;
  summary: string;
  description: string;
  tag: string;
  fields: DocField[];
  response: string;
  errors: DocError[];
  example?: Record<string, unknown> | unknown[];
  /** The SDK's parameter that carries a body that is an array. */
  sdkBody?: string;
}

/** A type as a reader would write it: `string`, `string[]`, `{string: string}`, `"a" | "b"`. */
export function typeName(schema: JsonSchema): string {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeName).join(' | ');
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return type.map((t) => typeName({ ...schema, type: t })).join(' | ');
  switch (type[0]) {
    case 'array':
      return `${schema.items ? wrap(typeName(schema.items)) : 'any'}[]`;
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length > 0) return 'object';
      return typeof schema.additionalProperties === 'object'
        ? `{string: ${typeName(schema.additionalProperties)}}`
        : 'object';
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return type[0];
    case 'string':
      return schema.format === 'uuid' ? 'string (UUID)' : schema.format === 'date-time' ? 'string (time)' : 'string';
    default:
      return 'any';
  }
}

const wrap = (t: string) => (t.includes(' | ') ? `(${t})` : t);

const range = (min: number | undefined, max: number | undefined, unit: string) =>
  min !== undefined && max !== undefined
    ? `${min}–${max} ${unit}`
    : max !== undefined
      ? `at most ${max} ${unit}`
      : min === 1 && unit === 'characters'
        ? 'not blank'
        : min !== undefined && min > 0
          ? `at least ${min} ${unit}`
          : '';

/** A field's rules in words, from its description and constraints. */
export function ruleText(schema: JsonSchema): string {
  const parts = [
    schema.description,
    range(schema.minLength, schema.maxLength, 'characters'),
    range(schema.minItems, schema.maxItems, 'items'),
    schema.maxProperties !== undefined ? `at most ${schema.maxProperties} keys` : '',
    schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : '',
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : '',
  ];
  return [...new Set(parts.filter(Boolean))].join('; ');
}

/**
 * The fields of an object schema, nested objects (and arrays of them) as `parent.child`/`parent[].child`;
 * of an array of objects (the ingest body), its items' fields as `[].child`.
 */
export function fieldsOf(schema: JsonSchema | undefined, prefix = ''): DocField[] {
  if (!prefix && schema?.items?.properties) return fieldsOf(schema.items, '[].');
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    const required = (schema.required ?? []).includes(name); // within its parent
    const row: DocField = { name: `${prefix}${name}`, type: typeName(property), required, rule: ruleText(property) };
    const nested = property.items?.properties
      ? fieldsOf(property.items, `${prefix}${name}[].`)
      : property.properties
        ? fieldsOf(property, `${prefix}${name}.`)
        : [];
    return [row, ...nested];
  });
}

/** An answer's shape, TypeScript-like, one field a line. */
export function shapeOf(schema: JsonSchema, indent = ''): string {
  const inner = `${indent}  `;
  if (schema.properties) {
    const entries = Object.entries(schema.properties);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([name, property]) => {
      const optional = (schema.required ?? []).includes(name) ? '' : '?';
      return `${inner}${name}${optional}: ${shapeOf(property, inner)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (schema.items?.properties) return `${shapeOf(schema.items, indent)}[]`;
  if (schema.anyOf) return schema.anyOf.map((s) => shapeOf(s, indent)).join(' | ');
  return typeName(schema);
}

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
}

interface Operation extends Partial<V1OperationExtensions> {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses?: Record<
    string,
    {
      content?: Record<string, { schema?: JsonSchema }>;
      'x-meterline-errors'?: { code: string; when: string }[];
    }
  >;
}

/** Every operation of the document, in its order. */
export function docOperations(): DocOperation[] {
  const document = v1OpenApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post'] as const).flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      const fields = [
        ...params.map((p) => ({
          name: `${p.name} (${p.in})`,
          type: p.schema ? typeName(p.schema) : 'string',
          required: Boolean(p.required),
          rule: [...new Set([p.description, p.schema ? ruleText(p.schema) : ''].filter(Boolean))].join('; '),
        })),
        ...fieldsOf(op.requestBody?.content['application/json']?.schema),
      ];
      const responses = Object.entries(op.responses ?? {});
      const ok = op.responses?.['200']?.content?.['application/json']?.schema;
      const errors = responses
        .filter(([status]) => status !== '200')
        .flatMap(([status, r]) => (r['x-meterline-errors'] ?? []).map((e) => ({ status, ...e })))
        .filter((e) => !isGeneralError(e.status, e.code));
      return [
        {
          id: op.operationId ?? `${method}-${path}`,
          method: method.toUpperCase() as 'GET' | 'POST',
          path,
          role: op['x-meterline-role'] ?? 'viewer',
          sdk: op['x-meterline-sdk'] ?? '',
          summary: op.summary ?? path,
          description: op.description ?? '',
          tag: op.tags?.[0] ?? 'Customers',
          fields,
          response: ok ? shapeOf(ok) : '{}',
          errors,
          example: op['x-meterline-example'],
          sdkBody: op['x-meterline-sdk-body'],
        },
      ];
    }),
  );
}

/** Example values of an operation's path parameters. */
const EXAMPLE_ID = '8d3f5c1e-2b7a-4c1d-9e0f-3a6b7c8d9e10';

function pathParams(path: string): Record<string, string> {
  return Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, EXAMPLE_ID]));
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command that makes the example request. */
export function curlExample(op: DocOperation, baseUrl: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, () => EXAMPLE_ID);
  const query =
    op.method === 'GET' && op.example
      ? `?${new URLSearchParams(Object.entries(op.example).map(([k, v]) => [k, String(v)])).toString()}`
      : '';
  const lines = [
    `curl -X ${op.method} ${shellQuote(`${baseUrl}${path}${query}`)}`,
    `-H "Authorization: Bearer $METERLINE_API_KEY"`,
  ];
  if (op.method === 'POST') {
    lines.push(`-H 'Content-Type: application/json'`, `-H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`-d ${shellQuote(JSON.stringify(op.example ?? {}))}`);
  }
  return lines.join(' \\\n  ');
}

/** The same request through @metronome/sdk (a `client` made as the page's setup shows). */
export function sdkExample(op: DocOperation): string {
  const body = Array.isArray(op.example) ? { [op.sdkBody ?? 'body']: op.example } : (op.example ?? {});
  const example = Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, op.method === 'GET' && /^\d+$/.test(String(v)) ? Number(v) : v]),
  );
  const params = { ...pathParams(op.path), ...example };
  const args = Object.keys(params).length ? JSON.stringify(params, null, 2) : '';
  const call = `client.v1.${op.sdk}(${args})`;
  if (op.response.startsWith('{\n  data: ') && op.response.includes('next_page')) {
    return `for await (const item of ${call}) {\n  console.log(item);\n}`;
  }
  if (op.response === '{}') return `await ${call};`;
  if (op.response.endsWith('[]')) return `const items = await ${call};`;
  return `const { data } = await ${call};`;
}
