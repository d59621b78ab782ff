// The demo county through the real server: `jingwu init --demo` (2 days of passes, see lib/server.mjs) registers
// 40 checkpoints and the base map, then `jingwu demo replay` registers with HTTP Digest, streams GA/T 1400 list
// posts for 3 s and unregisters; the passes are counted for the demo VIID client and the planted watch-list
// plate raises a red alert. Parts built by other engineers that are missing make their checks skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';

const DEMO_CLIENT = '51990100002000000001';
const RED_PLATE = '川YZ9527';

let server;
before(async () => { server = await startServer('demo'); });
after(async () => { await server?.cleanup(); });

test('init --demo registers 40 checkpoints and the base map', async (t) => {
  const duty = await loggedIn(server, 'duty');
  const devices = await duty.get('/checkpoint/devices?kind=tollgate&page_size=100');
  if (devices.status === 404 || devices.status === 501) return t.skip('device list not built');
  assert.equal(devices.status, 200, devices.text);
  const items = devices.json.items ?? devices.json;
  const tollgates = items.filter((d) => (d.kind ?? 'tollgate') === 'tollgate');
  if (tollgates.length === 0) return t.skip('checkpoint registry (UpsertDevice) not built yet');
  assert.equal(devices.json.total ?? tollgates.length, 40);
  assert.ok(tollgates.some((d) => d.name === '城关镇G318东口卡口'), JSON.stringify(tollgates.map((d) => d.name)));
  const apes = await duty.get('/checkpoint/devices?kind=ape&page_size=100');
  assert.equal(apes.status, 200, apes.text);
  assert.equal(apes.json.total, 40);  // one capture device per checkpoint

  const map = await duty.get('/checkpoint/basemap');
  if (map.status !== 200) return t.skip(`base map: ${map.status}`);
  const geo = map.json.geojson && typeof map.json.geojson === 'string' ? JSON.parse(map.json.geojson) : (map.json.geojson ?? map.json);
  assert.equal(geo.type, 'FeatureCollection');
  const kinds = new Set(geo.features.map((f) => f.properties.kind));
  for (const k of ['road', 'township', 'river', 'town']) assert.ok(kinds.has(k), `kind ${k} in ${[...kinds]}`);
});

test('demo replay streams passes through GA/T 1400 and a red alert arrives', async (t) => {
  const duty = await loggedIn(server, 'duty');
  const before = await duty.get('/checkpoint/intake/sources');
  const r = server.cli(['demo', 'replay', '--url', server.url, '--rate', '50', '--seconds', '3']);
  if (r.code !== 0 && /register/.test(r.stderr) && /HTTP 40[45]/.test(r.stderr)) {
    return t.skip(`GA/T 1400 endpoints not reachable (/VIID/* not routed by http/server.cpp yet): ${r.stderr}`);
  }
  assert.equal(r.code, 0, r.output);
  assert.match(r.stdout, new RegExp(`registered as ${DEMO_CLIENT}`));
  const sent = Number(/stopped: sent (\d+), accepted (\d+)/.exec(r.stdout)?.[1]);
  const accepted = Number(/stopped: sent (\d+), accepted (\d+)/.exec(r.stdout)?.[2]);
  assert.ok(sent >= 60 && sent <= 300, r.stdout);  // about 50/s for 3 s, plus one watch-list pass
  assert.equal(accepted, sent, r.stdout);

  if (before.status === 200) {
    const after = await duty.get('/checkpoint/intake/sources');
    assert.equal(after.status, 200, after.text);
    const mine = after.json.items.find((s) => s.source === DEMO_CLIENT);
    assert.ok(mine, JSON.stringify(after.json));
    assert.equal(mine.accepted, accepted);
    assert.equal(mine.rejected, 0);
  }

  const orders = await duty.get('/checkpoint/watch-orders?page_size=50');
  const active = orders.status === 200 ? (orders.json.items ?? []).filter((o) => o.target === RED_PLATE && o.status === 'active') : [];
  if (active.length === 0) return t.skip('no active demo watch order (watch service not built yet?)');
  let alert;
  for (let i = 0; i < 50 && !alert; i++) {
    const list = await duty.get('/alerts?page_size=50');
    assert.equal(list.status, 200, list.text);
    alert = list.json.items.find((a) => a.subject === RED_PLATE || String(a.title).includes(RED_PLATE));
    if (!alert) await new Promise((res) => setTimeout(res, 100));
  }
  assert.ok(alert, 'a red alert for the planted plate');
  assert.equal(alert.colour, 'red');
});

test('demo replay refuses a wrong password and a bad URL', async () => {
  const bad = server.cli(['demo', 'replay', '--url', server.url, '--password', 'wrong-password', '--seconds', '1']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /register/);
  const url = server.cli(['demo', 'replay', '--url', 'ftp://x', '--seconds', '1']);
  assert.equal(url.code, 2);
  assert.match(url.stderr, /--url/);
});
