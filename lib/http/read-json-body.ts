import 'server-only';
import { NextResponse } from 'next/server';
import { MAX_REQUEST_BODY_BYTES } from '@/lib/request-limits';

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: NextResponse };

const refuse = (status: number, message: string): JsonBody => ({
  ok: false,
  response: NextResponse.json({ message }, { status, headers: { 'cache-control': 'no-store' } }),
});

/**
 * A route handler's JSON body, read no further than `maxBytes`: 415 when it is not
 * application/json, 413 when it is larger (by its Content-Length, or once that many bytes have
 * come), 400 when it is not UTF-8 JSON.
 */
export async function readJsonBody(
  request: Request,
  { maxBytes = MAX_REQUEST_BODY_BYTES, what = 'the body' }: { maxBytes?: number; what?: string } = {},
): Promise<JsonBody> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return refuse(415, `Send ${what} as application/json.`);
  const bytes = await readCappedBody(request, maxBytes);
  if (bytes === null) {
    return refuse(413, `The request is too large: at most ${(maxBytes / 2 ** 20).toLocaleString('en-US')} MB of JSON.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The request body is not UTF-8 text.');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, 'The request body is not valid JSON.');
  }
}

/**
 * A request's body as bytes, read no further than `maxBytes`: null when it is larger, by its
 * Content-Length or once that many bytes have come (the rest is never read).
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks, size);
}
