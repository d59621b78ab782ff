// Watch orders (布控) through the real server: an officer applies, the leader approves, the order is listed
// and matched, then withdrawn (撤控) with a reason; batch import reports invalid and duplicate lines; bad
// input names the field and writes nothing; officers cannot approve. End to end: a pass posted through the
// GA/T 1400 intake hits an active order and raises exactly one alert, also when the same pass is posted again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { chinaTime, isoTime as iso, viidTime } from './lib/china_time.mjs';
import { importPasses, passCsv } from './lib/passes.mjs';
import { viidClient } from './lib/viid.mjs';

let server;
before(async () => { server = await startServer('watch'); });
after(async () => { await server?.cleanup(); });

async function unitId(client, name) {
  const opts = expectStatus(await client.get('/checkpoint/watch-orders/options'), 200);
  const u = opts.units.find((x) => x.name === name);
  assert.ok(u, `unit ${name} in ${JSON.stringify(opts.units.map((x) => x.name))}`);
  return u.id;
}

function order(station, extra = {}) {
  return {
    target: '川a 9876o', reason: '涉嫌诈骗案件车辆', case_no: 'A5199012026000042', priority: 2,
    valid_from: iso(-60), valid_to: iso(86400), unit_ids: [station], ...extra,
  };
}

test('create → approve → list → withdraw', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const station = await unitId(officer, '城关派出所');

  const created = expectStatus(await officer.post('/checkpoint/watch-orders', order(station)), 201);
  assert.equal(created.target, '川A98760');  // trimmed, upper case, O → 0 in the serial part
  assert.equal(created.status, 'pending');
  assert.equal(created.colour, 'orange');  // priority 2 (alerts data/colours.csv)
  assert.deepEqual(created.units.map((u) => u.id), [station]);

  expectError(await officer.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 403, 'permission_denied');
  expectError(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, { version: 9 }), 409, 'conflict');
  const approved = expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`,
    { version: created.version, reason: '同意布控' }), 200);
  assert.equal(approved.status, 'active');
  assert.ok(approved.approver_name);

  const listed = expectStatus(await officer.get('/checkpoint/watch-orders?status=active&plate=川A9876'), 200);
  assert.ok(listed.items.some((o) => o.id === created.id), JSON.stringify(listed));
  const one = expectStatus(await officer.get(`/checkpoint/watch-orders/${created.id}`), 200);
  assert.deepEqual(one.events.map((e) => e.action), ['create', 'approve']);
  assert.equal(one.events[1].reason, '同意布控');
  assert.deepEqual(one.hits, []);

  const changed = expectStatus(await officer.put(`/checkpoint/watch-orders/${created.id}`,
    { reason: '延长布控期限', valid_to: iso(2 * 86400), version: approved.version }), 200);
  assert.equal(changed.version, approved.version + 1);

  expectError(await officer.post(`/checkpoint/watch-orders/${created.id}/withdraw`, {}), 400, 'invalid_argument',
    { reason: 'required' });
  const withdrawn = expectStatus(await officer.post(`/checkpoint/watch-orders/${created.id}/withdraw`,
    { reason: '嫌疑人已到案' }), 200);
  assert.equal(withdrawn.status, 'withdrawn');
  const after = expectStatus(await officer.get(`/checkpoint/watch-orders/${created.id}`), 200);
  assert.deepEqual(after.events.map((e) => e.action), ['create', 'approve', 'change', 'withdraw']);
  assert.equal(after.events[3].reason, '嫌疑人已到案');
  expectError(await officer.post(`/checkpoint/watch-orders/${created.id}/withdraw`, { reason: '再次撤控' }),
    409, 'conflict');
});

test('bad input names the field and writes nothing', async () => {
  const officer = await loggedIn(server, 'officer');
  const station = await unitId(officer, '城关派出所');
  const before = expectStatus(await officer.get('/checkpoint/watch-orders'), 200).total;
  const post = (body) => officer.post('/checkpoint/watch-orders', body);
  expectError(await post(order(station, { case_no: '' })), 400, 'invalid_argument', { case_no: 'required' });
  expectError(await post(order(station, { target: '川A1234' })), 400, 'invalid_argument', { target: 'bad_length' });
  expectError(await post(order(station, { unit_ids: [] })), 400, 'invalid_argument', { unit_ids: true });
  expectError(await post(order(station, { unit_ids: [987654] })), 400, 'invalid_argument', { unit_ids: true });
  expectError(await post(order(station, { priority: 9 })), 400, 'invalid_argument', { priority: true });
  expectError(await post(order(station, { valid_to: iso(-3600) })), 400, 'invalid_argument', { valid_to: true });
  expectError(await post(order(station, { valid_from: 'tomorrow' })), 400, 'invalid_argument', { valid_from: 'bad_format' });
  expectError(await post(order(station, { colour: 'purple' })), 400, 'invalid_argument', { colour: true });
  expectError(await officer.get('/checkpoint/watch-orders?status=whatever'), 400, 'invalid_argument', { status: true });
  assert.equal(expectStatus(await officer.get('/checkpoint/watch-orders'), 200).total, before);
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/checkpoint/watch-orders'), 403, 'permission_denied');
});

test('batch import reports invalid and duplicate lines and creates the rest', async () => {
  const officer = await loggedIn(server, 'officer');
  const station = await unitId(officer, '城关派出所');
  const text = ['plate,plate_color,reason', '川A5432I,5,', '川B55555', '川B5555', '川Ｂ５５５５５',
    '{"plate":"川C66666","reason":"套牌嫌疑"}'].join('\n');
  const { target: _unused, ...common } = order(station);
  const rep = expectStatus(await officer.post('/checkpoint/watch-orders/import', { ...common, text }), 200);
  assert.deepEqual(rep.created.map((c) => c.plate), ['川A54321', '川B55555', '川C66666']);
  assert.deepEqual(rep.invalid.map((p) => [p.line, p.field]), [[4, 'plate']]);
  assert.deepEqual(rep.duplicates.map((p) => [p.line, p.problem]), [[5, 'line 3']]);
  const again = expectStatus(await officer.post('/checkpoint/watch-orders/import', { ...common, text: '川C66666' }), 200);
  assert.equal(again.created.length, 0);
  assert.match(again.duplicates[0].problem, /^order \d+$/);
  expectError(await officer.post('/checkpoint/watch-orders/import', { ...common, text: '' }), 400, 'invalid_argument',
    { text: 'required' });
  const hits = expectStatus(await officer.get('/checkpoint/watch-hits'), 200);
  assert.ok(Array.isArray(hits.items) && typeof hits.total === 'number');
});

// GA/T 1400 client for the end-to-end hit (as in viid.test.mjs).
const CLIENT = '51990100002000000088';
const PASSWORD = 'Viid#Watch2026';
const TOLLGATE = '51990100001210000088';

// Adds the client through the admin API (not the command line: the server is running), registers it and
// its tollgate; returns the client.
async function registerClient() {
  const admin = await loggedIn(server, 'sysadmin');
  expectStatus(await admin.post('/checkpoint/viid/clients', { id: CLIENT, password: PASSWORD, name: '布控测试平台' }), 201);
  const client = viidClient(server, CLIENT, PASSWORD);
  const reg = await client.register();
  assert.equal(reg.status, 200, reg.text);
  const tg = await client.call('POST', '/VIID/Tollgates', { TollgateObject: { TollgateID: TOLLGATE, Name: '布控测试卡口',
    Longitude: '104.1', Latitude: '30.5' } });
  assert.equal(tg.status, 200, tg.text);
  return client;
}

test('a pass posted through GA/T 1400 hits an active order: one hit, one alert, also when posted again', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const station = await unitId(officer, '城关派出所');
  const client = await registerClient();
  const created = expectStatus(await officer.post('/checkpoint/watch-orders',
    order(station, { target: '川A77E88', priority: 1 })), 201);
  expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 200);

  const pass = { MotorVehicleObject: { MotorVehicleID: `${TOLLGATE}02${viidTime(-30)}00001`, PlateNo: '川A77E88',
    TollgateID: TOLLGATE, PassTime: viidTime(-30), PlateColor: 5, Speed: 50 } };
  for (let i = 0; i < 2; i++) {  // the second post is a retry of the same pass
    const r = await client.call('POST', '/VIID/MotorVehicles', pass);
    assert.equal(r.status, 200, r.text);
  }
  const hits = expectStatus(await officer.get(`/checkpoint/watch-hits?order_id=${created.id}`), 200);
  assert.equal(hits.total, 1, JSON.stringify(hits));
  assert.equal(hits.items[0].checkpoint_name, '布控测试卡口');
  assert.ok(hits.items[0].alert_id);
  const alerts = expectStatus(await officer.get('/alerts?q=川A77E88'), 200);
  assert.equal(alerts.total, 1, JSON.stringify(alerts));
  assert.equal(alerts.items[0].colour, 'red');
  assert.equal(alerts.items[0].title, '布控车辆 川A77E88 经过 布控测试卡口');
  assert.equal(alerts.items[0].case_no, 'A5199012026000042');

  expectStatus(await officer.post(`/checkpoint/watch-orders/${created.id}/withdraw`, { reason: '已查获' }), 200);
  pass.MotorVehicleObject.PassTime = viidTime(-10);
  pass.MotorVehicleObject.MotorVehicleID = `${TOLLGATE}02${viidTime(-10)}00002`;
  assert.equal((await client.call('POST', '/VIID/MotorVehicles', pass)).status, 200);
  assert.equal(expectStatus(await officer.get(`/checkpoint/watch-hits?order_id=${created.id}`), 200).total, 1);
});

test('passes loaded through the bulk import hit an active order once, even when loaded again', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const admin = await loggedIn(server, 'sysadmin');
  const station = await unitId(officer, '城关派出所');
  const devices = expectStatus(await admin.get('/checkpoint/devices?kind=tollgate&page_size=5'), 200);
  const tollgate = devices.items.find((d) => d.kind === 'tollgate');
  assert.ok(tollgate, JSON.stringify(devices).slice(0, 300));
  const created = expectStatus(await officer.post('/checkpoint/watch-orders',
    order(station, { target: '川A66D77', priority: 1, valid_from: iso(-3600) })), 201);
  expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 200);

  const csv = passCsv([
    { plate: '川A66D77', checkpoint: tollgate.id, time: chinaTime(-60), speed: 55 },
    { plate: '川A66D77', checkpoint: tollgate.id, time: chinaTime(-7200), speed: 55 },  // before valid_from: no hit
    { plate: '川B11111', checkpoint: tollgate.id, time: chinaTime(-50), speed: 55 },
  ]);
  for (let i = 0; i < 2; i++) {  // the second load repeats the same passes
    const r = await importPasses(admin, csv);
    assert.equal(r.loaded, 3, JSON.stringify(r));
  }
  const hits = expectStatus(await officer.get(`/checkpoint/watch-hits?order_id=${created.id}`), 200);
  assert.equal(hits.total, 1, JSON.stringify(hits));
  assert.equal(hits.items[0].checkpoint_id, tollgate.id);
  assert.ok(hits.items[0].alert_id);
  const alerts = expectStatus(await officer.get('/alerts?q=川A66D77'), 200);
  assert.equal(alerts.total, 1, JSON.stringify(alerts));
  assert.equal(alerts.items[0].colour, 'red');
  assert.equal(alerts.items[0].title, `布控车辆 川A66D77 经过 ${tollgate.name}`);
  const one = expectStatus(await officer.get(`/checkpoint/watch-orders/${created.id}`), 200);
  assert.equal(one.hits_total, 1);
});
