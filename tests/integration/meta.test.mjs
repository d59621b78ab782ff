// Operational endpoints and cross-cutting behaviour: health, readiness, metrics, request ids, the public
// meta endpoint, the WebSocket hello, and a clean exit on SIGTERM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { openWebSocket } from './lib/websocket.mjs';

let server;
before(async () => { server = await startServer('meta'); });
after(async () => { await server?.cleanup(); });

const get = (p, init) => fetch(server.url + p, init);

test('GET /healthz is 200 ok', async () => {
  const r = await get('/healthz');
  assert.equal(r.status, 200);
  assert.equal((await r.text()).trim(), 'ok');
});

test('GET /readyz is 200 while the database answers', async () => {
  const r = await get('/readyz');
  assert.equal(r.status, 200);
  await r.text();
});

test('GET /metrics is Prometheus text with jw_http_requests_total', async () => {
  await server.client().get('/session'); // at least one API request counted
  const r = await get('/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  const text = await r.text();
  assert.match(text, /^# TYPE jw_http_requests_total counter$/m);
  assert.match(text, /^jw_http_requests_total(\{[^}]*\})? \d+(\.\d+)?$/m);
  // Every non-comment line is `name{labels} value`.
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
    assert.match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? [-+0-9.eE]+(Inf|NaN)?$/, `metric line: ${line}`);
  }
});

test('GET /api/v1/meta needs no login and names the county', async () => {
  const r = await server.client().get('/meta');
  const meta = expectStatus(r, 200);
  assert.equal(typeof meta.version, 'string');
  assert.equal(meta.county.region_code, '519901');
  assert.equal(typeof meta.county.name, 'string');
});

test('every reply carries an X-Request-Id header, different per request', async () => {
  const ids = new Set();
  for (const p of ['/healthz', '/readyz', '/metrics', '/api/v1/session', '/api/v1/nope', '/index.html']) {
    const r = await get(p);
    await r.arrayBuffer();
    const id = r.headers.get('x-request-id');
    assert.ok(id, `X-Request-Id on ${p}`);
    ids.add(id);
  }
  const c = await loggedIn(server, 'officer');
  const ok = await c.get('/session');
  assert.ok(ok.headers.get('x-request-id'));
  ids.add(ok.headers.get('x-request-id'));
  assert.equal(ids.size, 7, 'request ids are unique');
});

test('errors carry the same request id in the body as in the header', async () => {
  const c = server.client();
  expectError(await c.get('/session'), 401, 'unauthenticated');
  expectError(await c.get('/nope'), 404, 'not_found');
  expectError(await c.login('officer', 'Wrong#Pass1'), 401, 'unauthenticated');
  expectError(await c.request('POST', '/session', { body: '{' }), 400, 'invalid_argument');
});

test('JSON replies are application/json; charset=utf-8', async () => {
  const r = await server.client().login('officer');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json;\s*charset=utf-8$/i);
  const e = await server.client().get('/session');
  assert.match(e.headers.get('content-type'), /^application\/json;\s*charset=utf-8$/i);
});

test('a WebSocket to /api/v1/ws with the session cookie receives {"type":"hello"}', async () => {
  const c = await loggedIn(server, 'officer');
  const ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${c.cookie('jw_session')}` });
  try {
    assert.equal(ws.status, 101, `upgrade answered ${ws.status} ${ws.body()}`);
    assert.equal(ws.headers['sec-websocket-accept'], ws.expectedAccept);
    const msg = JSON.parse(await ws.nextText());
    assert.equal(msg.type, 'hello');
    assert.equal(msg.user, 'officer');
  } finally {
    await ws.close();
  }
});

test('a WebSocket without a session is refused', async () => {
  const ws = await openWebSocket(server.port, '/api/v1/ws');
  try {
    assert.notEqual(ws.status, 101);
    assert.equal(ws.status, 401);
  } finally {
    await ws.close();
  }
});

test('every thread of the server blocks SIGTERM and SIGINT, so that only the drain takes them', async () => {
  // A thread that leaves SIGTERM unblocked may be the one the kernel hands it to, and its default action ends
  // the process at once, without the drain (seen as exit by signal in this file's next test, now and then).
  const fs = await import('node:fs');
  const tasks = fs.readdirSync(`/proc/${server.proc.pid}/task`);
  assert.ok(tasks.length > 3, `threads: ${tasks.length}`);
  for (const tid of tasks) {
    const status = fs.readFileSync(`/proc/${server.proc.pid}/task/${tid}/status`, 'utf8');
    const blocked = BigInt('0x' + status.match(/^SigBlk:\s*([0-9a-f]+)$/m)[1]);
    const state = status.match(/^State:\s*(.*)$/m)[1];
    // The thread waiting in sigwait has them unblocked while it waits: it is the one meant to take them.
    const waiting = fs.readFileSync(`/proc/${server.proc.pid}/task/${tid}/wchan`, 'utf8').includes('sigtimedwait');
    if (waiting) continue;
    for (const [name, n] of [['SIGTERM', 15n], ['SIGINT', 2n]])
      assert.equal((blocked >> (n - 1n)) & 1n, 1n, `thread ${tid} (${state}) leaves ${name} unblocked`);
  }
});

test('SIGTERM stops the server with exit code 0', async () => {
  const c = await loggedIn(server, 'officer');
  const ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${c.cookie('jw_session')}` });
  assert.equal(ws.status, 101);
  await ws.nextText();
  // An open WebSocket must not keep the server from stopping.
  const e = await server.stop();
  assert.deepEqual(e, { code: 0, signal: null }, server.log().slice(-2000));
  await ws.close();
});
