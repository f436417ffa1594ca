// Checks a server action request before Next decodes it. Next and React throw (answering 500) on
// a body that is not the reply format React's client writes: text that is not JSON, JSON that is
// not an array, references such as "$@0" or "$F0" that no client of ours sends, broken multipart,
// a foreign Origin. Any client can send those without signing in (an action's id is in a public
// script), so they are refused here with a 4xx and a JSON message, within a byte cap, before any
// parsing. Used by server.mjs, which serves every request of the portal.
import { IncomingMessage } from 'node:http';

/** What a server action may carry: the same limit as lib/request-limits.ts (a test keeps them equal). */
export const MAX_ACTION_BODY_BYTES = 2 * 1024 * 1024;

const MAX_DEPTH = 64;
const MAX_NODES = 200_000;

/**
 * The "$" references React's client writes for the values our actions take: an escaped "$", and
 * undefined, dates, big integers and the special numbers. Anything else ("$@", "$F", "$K", "$Q",
 * streams, blobs, outlined rows…) is left to the multipart check below or refused.
 */
const PLAIN_REFERENCE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d{1,400}$|D.{0,64}$)/s;

/** A FormData argument ("$K1", its fields "1_…", maybe none) and outlined rows ("$1a"): only in multipart bodies. */
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]{1,8}$/;
const ROW_REFERENCE = /^\$([0-9a-f]{1,8})$/;

export class Refusal extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {import('node:http').IncomingMessage} req */
export function isServerActionRequest(req) {
  if (req.method !== 'POST') return false;
  const path = (req.url ?? '/').split('?')[0];
  // The /v1 API (and /v2) has route handlers only, which check their own bodies.
  if (/^\/v[12](\/|$)/.test(path)) return false;
  if (req.headers['next-action'] !== undefined) return true;
  // A form posted without JavaScript names its action in a multipart field instead.
  return !path.startsWith('/api/') && (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
}

/**
 * Every string of a decoded reply row must be one React's client writes for plain values.
 * @param {unknown} root
 * @param {boolean} multipart
 * @param {(id: string) => boolean} rowExists
 */
function checkReferences(root, multipart, rowExists) {
  const stack = [{ value: root, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = /** @type {{ value: unknown, depth: number }} */ (stack.pop());
    if (++nodes > MAX_NODES) throw new Refusal(400, 'The request has too many values.');
    if (depth > MAX_DEPTH) throw new Refusal(400, 'The request is nested too deeply.');
    if (typeof value === 'string') {
      if (!value.startsWith('$') || PLAIN_REFERENCE.test(value)) continue;
      if (multipart && FORM_DATA_REFERENCE.test(value)) continue;
      const row = ROW_REFERENCE.exec(value);
      if (row && rowExists(row[1])) continue;
      throw new Refusal(400, 'The request is not one this portal sends.');
    }
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
}

/** @param {string} text */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(400, 'The request body is not valid JSON.');
  }
}

/**
 * @param {Buffer} body
 * @param {string} contentType
 * @param {boolean} fetchAction whether the client named the action in the Next-Action header
 */
async function checkBody(body, contentType, fetchAction) {
  if (contentType.startsWith('multipart/form-data')) {
    let form;
    try {
      form = await new Request('http://portal.invalid', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      }).formData();
    } catch {
      throw new Refusal(400, 'The form data could not be read.');
    }
    if (!fetchAction) return;
    const rows = new Map();
    for (const [key, value] of form.entries()) if (typeof value === 'string') rows.set(key, value);
    const root = rows.get('0');
    if (root === undefined) throw new Refusal(400, 'The request is not one this portal sends.');
    const seen = new Set();
    const pending = ['0'];
    while (pending.length > 0) {
      const id = /** @type {string} */ (pending.pop());
      if (seen.has(id)) continue;
      seen.add(id);
      const row = parseJson(rows.get(id));
      if (id === '0' && !Array.isArray(row)) throw new Refusal(400, 'The request is not one this portal sends.');
      checkReferences(row, true, (ref) => {
        // "$1" names row "1", checked in turn.
        if (!rows.has(ref)) return false;
        pending.push(ref);
        return true;
      });
    }
    return;
  }
  if (!fetchAction) return;
  if (!/^text\/plain\b/i.test(contentType) && contentType !== '') {
    throw new Refusal(415, 'Server actions take text/plain or multipart/form-data.');
  }
  const args = parseJson(body.toString('utf8'));
  if (!Array.isArray(args)) throw new Refusal(400, 'The request is not one this portal sends.');
  checkReferences(args, false, () => false);
}

/**
 * A cross-site page may not call our actions. Next refuses those too, but by throwing (a 500). The
 * same rule as Next's: the Origin's host must be the Host (or X-Forwarded-Host) the request came to.
 * No Origin: not sent by a browser page, so no cookie rides along by accident.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function checkOrigin(headers) {
  const origin = headers.origin;
  if (origin === undefined) return;
  const originHost = URL.parse(origin)?.host;
  const forwardedHost = String(headers['x-forwarded-host'] ?? '')
    .split(',')[0]
    ?.trim();
  if (!originHost || (originHost !== headers.host && originHost !== forwardedHost)) {
    throw new Refusal(403, 'Cross-origin requests are not allowed.');
  }
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer>} */
function readCapped(req) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_ACTION_BODY_BYTES) {
      reject(new Refusal(413, 'The request is too large.'));
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_ACTION_BODY_BYTES) {
        req.pause();
        reject(new Refusal(413, 'The request is too large.'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The same request with its body read and checked, for Next to handle; or a Refusal.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<import('node:http').IncomingMessage>}
 */
export async function checkServerAction(req) {
  checkOrigin(req.headers);
  const body = await readCapped(req);
  await checkBody(body, req.headers['content-type'] ?? '', req.headers['next-action'] !== undefined);
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.headers = { ...req.headers, 'content-length': String(body.length) };
  delete replay.headers['transfer-encoding'];
  replay.rawHeaders = req.rawHeaders;
  // Next waits for a request it was handed to be complete; this one is, already.
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Refusal} refusal
 */
export function sendRefusal(res, refusal) {
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(JSON.stringify({ message: refusal.message }));
}
