import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '@/lib/request-limits';
import { checkServerAction, isServerActionRequest, MAX_ACTION_BODY_BYTES } from './server-action-guard.mjs';

function request(body: string | Buffer, headers: Record<string, string> = {}, url = '/customers/new') {
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.url = url;
  req.headers = { host: 'portal.test', 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'abc', ...headers };
  req.push(body);
  req.push(null);
  return req;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const refusal = (status: number) => expect.objectContaining({ status, message: expect.any(String) });

function multipart(fields: Record<string, string>) {
  const boundary = 'zzBoundary';
  const body = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  return { body: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('server action guard', () => {
  it('passes what React writes for our actions on, body intact', async () => {
    const body = JSON.stringify([{ name: 'acme', note: '$$5 off', at: '$D2026-01-01T00:00:00.000Z', x: '$undefined' }]);
    const checked = await checkServerAction(request(body));
    expect(await bodyOf(checked)).toBe(body);
    expect(checked.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('passes a FormData argument on, with fields or none (sign-out)', async () => {
    const cases: Record<string, string>[] = [{ '0': '["$K1"]', '1_field': 'value' }, { '0': '["$K1"]' }];
    for (const fields of cases) {
      const { body, contentType } = multipart(fields);
      const checked = await checkServerAction(request(body, { 'content-type': contentType }));
      expect(await bodyOf(checked)).toBe(body);
    }
  });

  it.each([
    ['text that is not JSON', 'garbage'],
    ['JSON that is not an argument list', '"x"'],
    ['null', 'null'],
    ['a promise reference', '["$@0"]'],
    ['a server reference', '["$F0"]'],
    ['a FormData reference without multipart', '["$K1"]'],
    ['a Map reference', '[{"a":"$Q0"}]'],
    ['deep nesting', `${'['.repeat(1_000)}${']'.repeat(1_000)}`],
  ])('refuses %s with a 400', async (_, body) => {
    await expect(checkServerAction(request(body))).rejects.toEqual(refusal(400));
  });

  it('refuses broken multipart, and a multipart reply without its root row', async () => {
    const broken = request('x', { 'content-type': 'multipart/form-data; boundary=zz' });
    await expect(checkServerAction(broken)).rejects.toEqual(refusal(400));
    const { body, contentType } = multipart({ '1_field': 'value' });
    await expect(checkServerAction(request(body, { 'content-type': contentType }))).rejects.toEqual(refusal(400));
    const dangling = multipart({ '0': '["$5"]' });
    await expect(checkServerAction(request(dangling.body, { 'content-type': dangling.contentType }))).rejects.toEqual(
      refusal(400),
    );
  });

  it('refuses other content types with a 415', async () => {
    await expect(checkServerAction(request('[]', { 'content-type': 'application/json' }))).rejects.toEqual(
      refusal(415),
    );
  });

  it('caps server actions where route handlers are capped', () => {
    expect(MAX_ACTION_BODY_BYTES).toBe(MAX_REQUEST_BODY_BYTES);
  });

  it('refuses a body over the cap with a 413, declared or not', async () => {
    const big = Buffer.alloc(MAX_ACTION_BODY_BYTES + 1, 'a');
    await expect(checkServerAction(request(big, { 'content-length': String(big.length) }))).rejects.toEqual(
      refusal(413),
    );
    await expect(checkServerAction(request(big))).rejects.toEqual(refusal(413));
  });

  it('refuses a foreign Origin with a 403, and accepts its own', async () => {
    await expect(checkServerAction(request('[]', { origin: 'https://evil.example' }))).rejects.toEqual(refusal(403));
    await expect(checkServerAction(request('[]', { origin: 'null' }))).rejects.toEqual(refusal(403));
    await expect(checkServerAction(request('[]', { origin: 'https://portal.test' }))).resolves.toBeDefined();
  });

  it('knows which requests are server actions', () => {
    expect(isServerActionRequest(request('[]'))).toBe(true);
    const form = request('', { 'content-type': 'multipart/form-data; boundary=zz' });
    delete form.headers['next-action'];
    expect(isServerActionRequest(form)).toBe(true);
    const api = request('', { 'content-type': 'multipart/form-data; boundary=zz' }, '/api/customers');
    delete api.headers['next-action'];
    expect(isServerActionRequest(api)).toBe(false);
    // The /v1 API's route handlers read their own bodies, whatever headers a client sends.
    for (const url of ['/v1/customers', '/v1', '/v2/contracts/list?x=1']) {
      expect(isServerActionRequest(request('', { 'content-type': 'multipart/form-data; boundary=zz' }, url))).toBe(
        false,
      );
      expect(isServerActionRequest(request('[]', {}, url))).toBe(false);
    }
    expect(isServerActionRequest(request('[]', {}, '/v1x'))).toBe(true);
  });
});
