// Serves the built portal (npm start, npm run serve, the e2e servers).
//
// Next itself fills X-Forwarded-For in only when a request lacks it, so under a bare `next start`
// any client picks the address that better-auth keys the sign-in limit on. Here the header is the
// socket's address, whatever the client sent, unless TRUSTED_PROXY=1 says that the portal is
// reached only through a reverse proxy that overwrites the header itself.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { checkServerAction, isServerActionRequest, Refusal, sendRefusal } from './lib/http/server-action-guard.mjs';

process.env.NODE_ENV ??= 'production';
const { default: next } = await import('next');

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname; // unset: every interface, as `next start`
const trustProxy = process.env.TRUSTED_PROXY === '1';
// How long a stop (SIGTERM, SIGINT) waits for the requests in flight: longer than one database
// answer may take (DATABASE_ANSWER_TIMEOUT_MS, 17 s by default), so none is cut off mid-write.
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);

const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

// Open the database (and apply migrations) before taking requests: see instrumentation.ts.
const openDatabase = globalThis[Symbol.for('meterline.openDatabase')];
const failure = typeof openDatabase === 'function' ? await openDatabase() : null;
if (failure?.fatal) {
  console.error(`Meterline cannot start: ${failure.message}`);
  process.exit(1);
}
if (failure) {
  console.warn(`The database is not answering yet (${failure.message}); pages answer "try again" until it does.`);
}
// Read by lib/auth/auth.ts: without it (a bare `next start`) no forwarded header (For, Proto) is believed.
globalThis[Symbol.for('meterline.forwardedForVouched')] = true;

/** Next answers 500 to a path it cannot percent-decode ("/customers/%"); it is the client's mistake. */
function decodablePath(url = '/') {
  try {
    decodeURIComponent(url.split('?')[0]);
    return true;
  } catch {
    return false;
  }
}

let stopping = false;

const server = createServer((req, res) => {
  // A kept-alive connection carries no further request once the server is stopping.
  if (stopping) res.setHeader('connection', 'close');
  if (!trustProxy) {
    const peer = req.socket.remoteAddress;
    if (peer) req.headers['x-forwarded-for'] = peer;
    else delete req.headers['x-forwarded-for'];
    // This server speaks plain http: the session cookie is Secure only when the request came over https.
    req.headers['x-forwarded-proto'] = 'http';
  } else {
    req.headers['x-forwarded-proto'] ??= 'http';
  }
  if (!decodablePath(req.url)) return sendRefusal(res, new Refusal(400, 'The address has a malformed %-escape.'));
  if (!isServerActionRequest(req)) return void handle(req, res);
  checkServerAction(req).then(
    (checked) => handle(checked, res),
    (err) => (err instanceof Refusal ? sendRefusal(res, err) : res.destroy(err)),
  );
})
  // Node refuses a request it cannot parse (a request line or headers over 16 KB, bad syntax) on its
  // own, with no body; say what was wrong, in JSON like every other refusal.
  .on('clientError', (err, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request line or headers are too large.']
        : [400, 'The request could not be read.'];
    const body = JSON.stringify({ message });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  })
  .listen(port, hostname, () => {
    console.log(
      `Meterline on http://${hostname ?? 'localhost'}:${port}${trustProxy ? ' (behind a trusted proxy)' : ''}`,
    );
  });

/**
 * A clean stop: refuse new connections, let the requests in flight finish (each is either saved and
 * answered, or refused; none is saved and left unanswered), then close the database (the PGlite
 * folder is flushed and its lock released) and exit. A second signal stops at once.
 */
function stop(signal) {
  if (stopping) {
    console.warn(`${signal} again: stopping now, without waiting for the requests in flight.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: finishing the requests in flight (at most ${shutdownTimeoutMs} ms), then stopping.`);
  const cutOff = setTimeout(() => {
    console.warn(`Requests still open after ${shutdownTimeoutMs} ms: closing them.`);
    server.closeAllConnections();
  }, shutdownTimeoutMs);
  cutOff.unref();
  server.close(async () => {
    clearTimeout(cutOff);
    const closeDatabase = globalThis[Symbol.for('meterline.closeDatabase')];
    try {
      if (typeof closeDatabase === 'function') await closeDatabase();
    } catch (err) {
      console.error('Closing the database failed:', err);
      process.exit(1);
    }
    console.log('Stopped.');
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
