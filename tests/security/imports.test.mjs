// What an attacker tries after the audit chain: the imports. Every import endpoint (checkpoint device CSV,
// watch-order plate list, bulk pass CSV whole and chunked) must refuse a body over its own limit with 413
// naming the field before parsing, a binary / compressed / non-text upload with 400 naming the field, a CSV
// bomb (one huge cell, a flood of empty lines) with a clear 4xx — and write nothing, and stay up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server, admin, officer, station, tollgate;
before(async () => {
  server = await startServer('sec_imports');
  admin = await loggedIn(server, 'sysadmin');
  officer = await loggedIn(server, 'officer');
  const opts = expectStatus(await officer.get('/checkpoint/watch-orders/options'), 200);
  station = opts.units.find((u) => u.name === '城关派出所').id;
  const devices = expectStatus(await admin.get('/checkpoint/devices?kind=tollgate&page_size=5'), 200);
  tollgate = devices.items.find((d) => d.kind === 'tollgate').id;
});
after(async () => { await server?.cleanup(); });

const DEVICE_HEADER = 'id,kind,name,longitude,latitude,place_code,tollgate_id,category\n';
const PASS_HEADER = 'plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed\n';
const iso = (offsetS) => new Date(Date.now() + offsetS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const chinaTime = (offsetS) =>
  new Date(Date.now() + offsetS * 1000 + 8 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19);

// Files people upload where a CSV belongs, as a browser's FileReader.readAsText would hand them over (binary
// bytes become U+FFFD) and as raw bytes.
const BINARIES = {
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),   // also .xlsx / .docx
  gzip: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]),
  pe: Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00])]),
  nul: Buffer.from(`${DEVICE_HEADER}51990100001219000077,tollgate,a\u0000b,104.0,30.6,519901,,40\n`),
};

async function deviceTotal() {
  return expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total;
}
async function watchTotal() {
  return expectStatus(await officer.get('/checkpoint/watch-orders?page_size=1'), 200).total;
}
async function refusedOutright(send) {
  try {
    const r = await send();
    assert.equal(r.status, 413, r.text.slice(0, 200));
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    const code = e.cause?.code ?? e.code;
    assert.ok(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH'].includes(code),
      `expected 413 or a closed connection, got ${e} (${code})`);
  }
}
async function stillUp() {
  assert.ok((await fetch(`${server.url}/healthz`)).ok, 'the server is still up');
}
function watchBody(text) {
  return { reason: '涉嫌诈骗案件车辆', case_no: 'A5199012026000042', priority: 2, valid_from: iso(-60),
    valid_to: iso(86400), unit_ids: [station], text };
}

test('device CSV import: too big → 413 csv; binary → 400 csv; bombs → 400 csv; nothing written', async () => {
  const before = await deviceTotal();
  const post = (csv) => admin.post('/checkpoint/devices/import', { csv });

  expectError(await post(DEVICE_HEADER + 'x'.repeat(950 * 1024)), 413, 'payload_too_large', { csv: 'too_large' });
  for (const [kind, bytes] of Object.entries(BINARIES)) {
    const e = expectError(await post(bytes.toString('utf8')), 400, 'invalid_argument', { csv: 'binary' });
    assert.ok(e.message.length > 0, kind);
  }
  const gbk = Buffer.concat([Buffer.from(DEVICE_HEADER), Buffer.from([0xb3, 0xc7, 0xb9, 0xd8])]);
  expectError(await admin.request('POST', '/checkpoint/devices/import',
    { body: Buffer.concat([Buffer.from('{"csv":"'), gbk.subarray(DEVICE_HEADER.length), Buffer.from('"}')]) }),
  400, 'invalid_argument');
  // One enormous cell (600 KiB, under the size limits) and a flood of empty lines.
  expectError(await post(`${DEVICE_HEADER}51990100001219000078,tollgate,"${'名'.repeat(200 * 1024)}",104,30.6,519901,,40\n`),
    400, 'invalid_argument', { csv: 'line 2: too_long' });
  expectError(await post(DEVICE_HEADER + '\n'.repeat(300_000)), 400, 'invalid_argument', { csv: 'too_many_lines' });
  // 8 MB: over the server's limit for any body (helper "http" owns it): a 413, or the connection closed
  // before the body is read — either way refused, nothing written, and the server stays up (checked below).
  await refusedOutright(() => post(`${DEVICE_HEADER}1,tollgate,"${'x'.repeat(8 << 20)}",104,30.6,519901,,40\n`));

  assert.equal(await deviceTotal(), before, 'nothing was written');
  await stillUp();
  // A genuine file still goes in.
  const good = `${DEVICE_HEADER}51990100001219000079,tollgate,安全测试卡口,104.02,30.6,519901,,40\n`;
  expectStatus(await post(good), 200);
  assert.equal(await deviceTotal(), before + 1);
});

test('watch-order import: too big → 413 text; binary → 400 text; bombs → 400 text; nothing written', async () => {
  const before = await watchTotal();
  const post = (text) => officer.post('/checkpoint/watch-orders/import', watchBody(text));
  expectError(await post('川A12345\n'.repeat(80_000)), 413, 'payload_too_large', { text: 'too_large' });
  for (const bytes of Object.values(BINARIES)) {
    expectError(await post(bytes.toString('utf8')), 400, 'invalid_argument', { text: 'binary' });
  }
  expectError(await post(`川A12345,5,${'理'.repeat(100 * 1024)}\n`), 400, 'invalid_argument',
    { text: 'line 1: too_long' });
  expectError(await post(`川A12345\n${'\n'.repeat(200_000)}川A54321\n`), 400, 'invalid_argument',
    { text: 'too_many_lines' });
  assert.equal(await watchTotal(), before, 'nothing was written');
  await stillUp();
});

test('pass import, whole and chunked: too big → 413 csv; binary → 400 csv; bombs → 400 csv; nothing loaded', async () => {
  const raw = (path, body) => admin.request('POST', path, { body, headers: { 'Content-Type': 'text/csv' } });
  const line = `川A77E01,5,${tollgate},${chinaTime(-120)},1,1,50\n`;
  // A million empty lines (1 000 000 bytes): over this endpoint's own limit, under the server's.
  expectError(await raw('/checkpoint/import', PASS_HEADER + '\n'.repeat(1_000_000)), 413, 'payload_too_large',
    { csv: 'too_large' });
  expectError(await raw('/checkpoint/import', PASS_HEADER + '\n'.repeat(700_000)), 400, 'invalid_argument',
    { csv: 'too_many_lines' });
  for (const bytes of Object.values(BINARIES)) {
    expectError(await raw('/checkpoint/import', bytes), 400, 'invalid_argument', { csv: 'binary' });
  }
  expectError(await raw('/checkpoint/import', PASS_HEADER + line + 'x'.repeat(600 * 1024) + '\n' + line), 400,
    'invalid_argument', { csv: 'line 3: too_long' });

  // Chunked: a line that never ends, carried from chunk to chunk, is refused at the chunk that makes it too long;
  // nothing of the import was loaded and it stays at that chunk.
  const start = expectStatus(await admin.post('/checkpoint/import/start', {}), 201);
  const chunk = (seq, body, last = 0) => raw(`/checkpoint/import/${start.id}/chunks?seq=${seq}&last=${last}`, body);
  const p0 = expectStatus(await chunk(0, PASS_HEADER + 'x'.repeat(700)), 200);
  assert.equal(p0.loaded, 0);
  expectError(await chunk(1, 'y'.repeat(700)), 400, 'invalid_argument', { csv: /too_long$/ });
  const p = expectStatus(await admin.get(`/checkpoint/import/${start.id}`), 200);
  assert.equal(p.next_seq, 1, JSON.stringify(p));
  assert.equal(p.loaded, 0);
  await stillUp();

  // A genuine file still loads.
  const ok = expectStatus(await raw('/checkpoint/import', PASS_HEADER + line), 200);
  assert.equal(ok.loaded, 1, JSON.stringify(ok));
});
