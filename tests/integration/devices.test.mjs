// The checkpoint registry, offline map and pass statistics through the real server: the system admin creates,
// edits, disables and imports checkpoints and devices (bad input names the field, an import with a bad line
// writes nothing); the duty desk sees the map with statuses and offline devices, the base map and settings;
// statistics count passes imported for a fresh checkpoint exactly; permissions are enforced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { chinaDate } from './lib/china_time.mjs';
import { importPasses, passCsv } from './lib/passes.mjs';

let server;
before(async () => { server = await startServer('devices'); });
after(async () => { await server?.cleanup(); });

// Ids outside the demo county's series (GB/T 28181: region 519901 + unit 00 + industry 00 + type + net + serial).
const GATE = '51990100001219000001';
const GATE2 = '51990100001219000002';
const APE = '51990100001199000001';

test('the system admin creates, edits and disables a checkpoint and its device', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  const before = expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total;
  const gate = expectStatus(await admin.post('/checkpoint/devices', {
    id: GATE, kind: 'tollgate', name: '测试东卡口', longitude: 104.12, latitude: 30.61, place_code: '519901',
    category: '40', lanes: [{ lane_no: 1, direction: '东向西', max_speed: 60 }, { lane_no: 2, direction: '西向东', max_speed: 60 }],
  }), 201);
  assert.equal(gate.status, 'offline');  // never seen
  assert.equal(gate.lane_count, 2);
  assert.equal(gate.lanes.length, 2);
  expectStatus(await admin.post('/checkpoint/devices', {
    id: APE, kind: 'ape', name: '测试东卡口抓拍机', longitude: 104.12, latitude: 30.61, tollgate_id: GATE,
  }), 201);
  expectError(await admin.post('/checkpoint/devices', { id: GATE, kind: 'tollgate', name: '重复' }), 400,
    'invalid_argument', { id: 'already_exists' });

  const edited = expectStatus(await admin.put(`/checkpoint/devices/${GATE}`, {
    kind: 'tollgate', name: '测试东卡口(新)', longitude: 104.13, latitude: 30.62, category: '31',
  }), 200);
  assert.equal(edited.name, '测试东卡口(新)');
  assert.equal(edited.lanes.length, 2, 'an update without lanes keeps them');

  const listed = expectStatus(await admin.get(`/checkpoint/devices?q=${encodeURIComponent('测试东卡口')}`), 200);
  assert.deepEqual(listed.items.map((d) => d.id).sort(), [APE, GATE].sort());
  const apes = expectStatus(await admin.get('/checkpoint/devices?kind=ape&q=1199000001'), 200);
  assert.deepEqual(apes.items.map((d) => d.id), [APE]);

  const disabled = expectStatus(await admin.post(`/checkpoint/devices/${APE}/disable`, { reason: '设备拆除' }), 200);
  assert.equal(disabled.status, 'disabled');
  const onlyDisabled = expectStatus(await admin.get('/checkpoint/devices?status=disabled&q=1199000001'), 200);
  assert.deepEqual(onlyDisabled.items.map((d) => d.id), [APE]);
  assert.equal(expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total, before + 2);
  expectError(await admin.get('/checkpoint/devices/51990100001219999999'), 404, 'not_found');
});

test('bad input names the field and writes nothing', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  const before = expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total;
  expectError(await admin.post('/checkpoint/devices', {
    id: '5199010000121900', kind: 'camera', name: '', longitude: 200, latitude: 30,
  }), 400, 'invalid_argument', { id: 'bad_length', kind: 'unknown_value', name: 'required', longitude: 'out_of_range' });
  expectError(await admin.post('/checkpoint/devices', {
    id: GATE2, kind: 'tollgate', name: '坏车道', lanes: [{ lane_no: 0 }],
  }), 400, 'invalid_argument', { 'lanes[0].lane_no': true });
  expectError(await admin.post('/checkpoint/devices', { id: GATE2, kind: 'tollgate', name: 'x', colour: 'red' }), 400,
    'invalid_argument', { colour: 'unknown_field' });
  expectError(await admin.post('/checkpoint/devices', { id: GATE2, kind: 'tollgate', name: 'x', longitude: 'east' }), 400,
    'invalid_argument', { longitude: 'bad_format' });
  expectError(await admin.get('/checkpoint/devices?status=sleeping'), 400, 'invalid_argument', { status: true });
  expectError(await admin.put('/checkpoint/map-settings', { tile_url: 'javascript:alert(1)' }), 400, 'invalid_argument',
    { tile_url: 'bad_format' });
  expectError(await admin.put('/checkpoint/map-settings', { offline_after_s: 5 }), 400, 'invalid_argument',
    { offline_after_s: true });
  assert.equal(expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total, before);
});

test('a CSV import with a bad line writes nothing and names every bad line; a good one upserts', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  const before = expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total;
  const header = 'id,kind,name,longitude,latitude,place_code,tollgate_id,category\n';
  const bad = header +
    `${GATE2},tollgate,测试西卡口,104.0,30.6,519901,,40\n` +
    '51990100001219000003,tollgate,,104.0,30.6,519901,,40\n' +
    '51990100001199000009,ape,相机,104.0,north,519901,,\n';
  const err = expectError(await admin.post('/checkpoint/devices/import', { csv: bad }), 400, 'invalid_argument',
    { 'line 3': /^name: required/, 'line 4': /^latitude: bad_format/ });
  assert.equal(Object.keys(err.fields).length, 2, JSON.stringify(err.fields));
  assert.equal(expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total, before);
  expectError(await admin.post('/checkpoint/devices/import', { csv: 'id,name\n1,2\n' }), 400, 'invalid_argument', { csv: true });

  // A quoted name holding a comma and a doubled quote (RFC 4180), CRLF line ends.
  const good = header + `${GATE2},tollgate,测试西卡口,104.01,30.6,519901,,40\r\n` +
    `51990100001199000002,ape,"测试西卡口, ""抓拍机"" 1",104.01,30.6,519901,${GATE2},\r\n`;
  const r = expectStatus(await admin.post('/checkpoint/devices/import', { csv: good }), 200);
  assert.deepEqual(r, { imported: 2, created: 2, updated: 0 });
  assert.equal(expectStatus(await admin.get('/checkpoint/devices?page_size=1'), 200).total, before + 2);
  assert.equal(expectStatus(await admin.get(`/checkpoint/devices/${GATE2}`), 200).name, '测试西卡口');
  assert.equal(expectStatus(await admin.get('/checkpoint/devices/51990100001199000002'), 200).name,
    '测试西卡口, "抓拍机" 1');
  // A quote left open is refused where it opens, naming line and column; nothing is written.
  expectError(await admin.post('/checkpoint/devices/import',
    { csv: header + `${GATE2},tollgate,"测试西卡口,104.01,30.6,519901,,40\n` }), 400, 'invalid_argument',
  { csv: 'line 2, column 31: unterminated_quote' });
});

test('the duty desk sees checkpoints by status, offline devices, the base map and the map settings', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  expectStatus(await admin.put('/checkpoint/map-settings',
    { tile_url: 'http://gis.police.local/tiles/{z}/{x}/{y}.png', tile_attribution: '公安 GIS', offline_after_s: 900 }), 200);
  const duty = await loggedIn(server, 'duty');
  const map = expectStatus(await duty.get('/checkpoint/map'), 200);
  assert.equal(map.offline_after_s, 900);
  const gate = map.checkpoints.find((c) => c.id === GATE2);
  assert.ok(gate, 'the imported checkpoint is on the map');
  assert.equal(gate.status, 'offline');
  assert.ok(Math.abs(gate.longitude - 104.01) < 1e-6 && Math.abs(gate.latitude - 30.6) < 1e-6);
  assert.ok(map.offline.some((d) => d.id === GATE2));
  assert.ok(!map.offline.some((d) => d.id === APE), 'a disabled device is not offline');
  for (const c of map.checkpoints) assert.ok(['online', 'offline', 'disabled'].includes(c.status));

  const basemap = await duty.get('/checkpoint/basemap');
  assert.equal(basemap.status, 200);
  const gj = JSON.parse(basemap.text);
  assert.equal(gj.type, 'FeatureCollection');
  assert.ok(Array.isArray(gj.features));
  const settings = expectStatus(await duty.get('/checkpoint/map-settings'), 200);
  assert.equal(settings.tile_url, 'http://gis.police.local/tiles/{z}/{x}/{y}.png');
});

test('statistics count the passes of a checkpoint by hour, rank it, and count new plates', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  const day = chinaDate(-1);
  // 30 passes at 08:xx and 10 at 21:xx, by 5 plates.
  const pass = (i, hour) => ({ plate: `川Z9${String(100 + (i % 5)).padStart(4, '0')}`, color: 2, checkpoint: GATE,
    time: `${day} ${hour}:${String(i).padStart(2, '0')}:00` });
  const passes = [...Array(30).keys()].map((i) => pass(i, '08')).concat([...Array(10).keys()].map((i) => pass(i, '21')));
  const imported = await importPasses(admin, passCsv(passes));
  assert.equal(imported.loaded, 40, JSON.stringify(imported));

  const analyst = await loggedIn(server, 'analyst');
  const hourly = expectStatus(await analyst.get(`/checkpoint/stats/hourly?from=${day}&to=${day}&limit=1000`), 200);
  const row = hourly.rows.find((r) => r.id === GATE);
  assert.ok(row, JSON.stringify(hourly.rows.map((r) => r.id)));
  assert.equal(row.hours.length, 24);
  assert.equal(row.hours[8], 30);
  assert.equal(row.hours[21], 10);
  assert.equal(row.total, 40);
  assert.equal(row.name, '测试东卡口(新)');
  for (const r of hourly.rows) assert.equal(r.hours.reduce((a, b) => a + b, 0), r.total);

  const top = expectStatus(await analyst.get(`/checkpoint/stats/top?from=${day}&to=${day}&limit=100`), 200);
  const ranked = top.rows.find((r) => r.id === GATE);
  assert.equal(ranked.passes, 40);
  for (let i = 1; i < top.rows.length; i++) assert.ok(top.rows[i - 1].passes >= top.rows[i].passes);

  const from = chinaDate(-3);
  const fresh = expectStatus(await analyst.get(`/checkpoint/stats/new-plates?from=${from}&to=${day}&lookback_days=3`), 200);
  assert.equal(fresh.days.length, 3);
  assert.equal(fresh.days[2].day, day);
  assert.ok(fresh.days[2].plates >= 5 && fresh.days[2].new_plates >= 5, JSON.stringify(fresh.days[2]));
  for (const d of fresh.days) assert.ok(d.new_plates <= d.plates);

  expectError(await analyst.get('/checkpoint/stats/hourly?from=2026-13-01'), 400, 'invalid_argument', { from: 'invalid_date' });
  expectError(await analyst.get(`/checkpoint/stats/top?from=${day}&to=${from}`), 400, 'invalid_argument', { to: true });
  expectError(await analyst.get('/checkpoint/stats/top?from=2026-01-01&to=2026-12-31'), 400, 'invalid_argument', { from: true });
  expectError(await analyst.get('/checkpoint/stats/new-plates?lookback_days=0'), 400, 'invalid_argument',
    { lookback_days: true });
});

test('permissions: officers read but do not change the registry, others see nothing', async () => {
  const officer = await loggedIn(server, 'officer');
  expectStatus(await officer.get('/checkpoint/devices'), 200);
  expectStatus(await officer.get('/checkpoint/map'), 200);
  expectError(await officer.post('/checkpoint/devices', { id: '51990100001219000007', kind: 'tollgate', name: 'x' }),
    403, 'permission_denied');
  expectError(await officer.post(`/checkpoint/devices/${GATE}/disable`, {}), 403, 'permission_denied');
  expectError(await officer.put('/checkpoint/map-settings', {}), 403, 'permission_denied');
  expectError(await officer.get('/checkpoint/stats/top'), 403, 'permission_denied');
  const audit = await loggedIn(server, 'auditadmin');
  expectError(await audit.get('/checkpoint/devices'), 403, 'permission_denied');
  expectError(await audit.get('/checkpoint/basemap'), 403, 'permission_denied');
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/checkpoint/map'), 403, 'permission_denied');
});

test('registry changes are in the audit log', async () => {
  const audit = await loggedIn(server, 'auditadmin');
  const r = expectStatus(await audit.get(`/audit?object=${encodeURIComponent('device:' + APE)}&page_size=50`), 200);
  const actions = r.items.map((e) => e.action);
  assert.ok(actions.includes('device.create'), JSON.stringify(actions));
  assert.ok(actions.includes('device.disable'), JSON.stringify(actions));
});
