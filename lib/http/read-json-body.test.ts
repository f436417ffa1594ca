import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '@/lib/request-limits';
import { customerInput } from '@/lib/validations/customer';
import { largestCustomer } from '@/scripts/bench/largest-customer';
import { readJsonBody } from './read-json-body';

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://localhost/api/customers', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body that arrives in pieces, with no Content-Length: the size is only known as it comes. */
function streamed(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const piece = new Uint8Array(Math.min(64 * 1024, totalBytes - sent)).fill(0x20);
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
}

async function refusal(request: Request) {
  const body = await readJsonBody(request);
  if (body.ok) throw new Error('expected a refusal');
  return { status: body.response.status, json: (await body.response.json()) as { message: string } };
}

describe('readJsonBody', () => {
  it('reads JSON', async () => {
    expect(await readJsonBody(post('{"name":"acme"}'))).toEqual({ ok: true, value: { name: 'acme' } });
    const withCharset = post('[1]', { 'content-type': 'application/json; charset=utf-8' });
    expect(await readJsonBody(withCharset)).toEqual({ ok: true, value: [1] });
  });

  it('refuses a body larger than the limit by its Content-Length, with a JSON message', async () => {
    const big = post(' '.repeat(MAX_REQUEST_BODY_BYTES + 1));
    expect(await refusal(big)).toEqual({ status: 413, json: { message: expect.stringMatching(/too large/) } });
  });

  it('refuses a larger body with no Content-Length once the limit is passed', async () => {
    const request = post(streamed(5 * 2 ** 20));
    expect(request.headers.get('content-length')).toBeNull();
    expect((await refusal(request)).status).toBe(413);
  });

  it('answers 400 for JSON that does not parse, and for bytes that are not UTF-8', async () => {
    expect(await refusal(post('{"name": '))).toEqual({
      status: 400,
      json: { message: 'The request body is not valid JSON.' },
    });
    expect((await refusal(post('')))?.status).toBe(400);
    expect((await refusal(post(new Uint8Array([0x22, 0xff, 0x22])))).status).toBe(400);
  });

  it('answers 415 for a body that is not JSON', async () => {
    expect((await refusal(post('name=acme', { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(
      415,
    );
    expect((await refusal(post('{}', {}))).status).toBe(415);
  });
});

describe('request body limits fit the largest customer the form accepts', () => {
  it.each(['jamo', 'escapes'] as const)('filled with %s: valid, and under the limit as JSON', (how) => {
    const values = largestCustomer('limit', how);
    expect(customerInput.safeParse(values).success).toBe(true);
    // The update action sends the most: the customer's id and version, then the values.
    const size = Buffer.byteLength(JSON.stringify(['00000000-0000-4000-8000-000000000000', 2 ** 31, values]));
    expect(size).toBeGreaterThan(1_000_000);
    expect(size).toBeLessThan(MAX_REQUEST_BODY_BYTES * 0.9);
  });

  it('is the limit next.config.js gives server actions', () => {
    const config = createRequire(import.meta.url)('../../next.config.js') as {
      experimental: { serverActions: { bodySizeLimit: string } };
    };
    expect(config.experimental.serverActions.bodySizeLimit).toBe('2mb');
    expect(MAX_REQUEST_BODY_BYTES).toBe(2 * 1024 * 1024);
  });
});
