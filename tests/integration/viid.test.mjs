// GA/T 1400 (VIID) intake through the real server: a client added on the command line registers with HTTP
// Digest (lib/viid.mjs) and sends the session token it gets back (X-VIID-Session, ADR 0016)
// with every call, registers a tollgate, then posts motor vehicles in list and single
// envelopes, with vendor casing and 17-digit times; broken JSON (status 7), wrong content (8), an unknown
// tollgate and an unregistered caller (401) are each answered right, and nothing partial is stored (the
// engine's append counter, read through /api/v1/checkpoint/intake/sources, moves by exactly the accepted
// passes). Also: the admin API for clients, the bulk CSV import in chunks, and the read-only offer of watch
// orders and their hits (/VIID/Dispositions, /VIID/DispositionNotifications).
import crypto from 'node:crypto';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { viidTime } from './lib/china_time.mjs';
import { passCsv } from './lib/passes.mjs';
import { REGISTER, registerBody, send, viidClient } from './lib/viid.mjs';

const CLIENT = '51990100002000000077';
const PASSWORD = 'Viid#Secret2026';
const TOLLGATE = '51990100001210000077';

let server;
let admin;
let me;  // the client added on the command line; remembers its session token
before(async () => {
  server = await startServer('viid');
  // The command line writes to the audit chain too: run it while the server is stopped.
  await server.stop();
  // Bound to the command centre (指挥中心, unit code 519901010200): it receives the orders notifying it.
  const r = server.cli(['viid', 'add-client', '--id', CLIENT, '--password', PASSWORD, '--name', '测试上级平台',
    '--unit', '519901010200']);
  assert.equal(r.code, 0, r.output);
  await server.start();
  admin = await loggedIn(server, 'sysadmin');
  me = viidClient(server, CLIENT, PASSWORD);
});
after(async () => { await server?.cleanup(); });

// A call that names no client (neither User-Identify nor a session token).
const anonymous = (method, path, body) => send(server, method, path, { body });

async function appended() {
  return expectStatus(await admin.get('/checkpoint/intake/sources'), 200).appended;
}

function vehicle(plate, extra = {}) {
  return { MotorVehicleID: `${TOLLGATE}02${Date.now()}${plate.length}`, PlateNo: plate, TollgateID: TOLLGATE,
    PassTime: '20260921101500', PlateColor: 5, Speed: 60, ...extra };
}

test('an unregistered caller is refused with 401 and a ResponseStatusObject', async () => {
  const r = await me.call('POST', '/VIID/MotorVehicles', { MotorVehicleObject: vehicle('川A10001') });
  assert.equal(r.status, 401);
  assert.equal(r.json.ResponseStatusObject.StatusCode, 4);
  const t = await anonymous('GET', '/VIID/System/Time');
  assert.equal(t.status, 401);
});

test('Digest registration: a wrong password is refused, the right one registers', async () => {
  const challenge = await send(server, 'POST', REGISTER, { body: registerBody(CLIENT) });
  assert.equal(challenge.status, 401, challenge.text);
  assert.match(challenge.headers['www-authenticate'], /^Digest /);
  assert.match(challenge.headers['www-authenticate'], /qop="auth"/);
  const wrong = await me.register('not-the-password');
  assert.equal(wrong.status, 401, wrong.text);
  assert.match(wrong.headers['www-authenticate'], /^Digest /);
  const unknown = await viidClient(server, '51990100002000000078', PASSWORD).register();
  assert.equal(unknown.status, 401);
  assert.equal(unknown.json.ResponseStatusObject.StatusString, wrong.json.ResponseStatusObject.StatusString);
  const ok = await me.register();
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.ResponseStatusObject.StatusCode, 0);
  assert.equal(ok.json.ResponseStatusObject.Id, CLIENT);
  assert.match(ok.json.ResponseStatusObject.LocalTime, /^\d{14}$/);
  assert.match(ok.headers['content-type'], /application\/VIID\+JSON/i);
  assert.match(ok.headers['x-viid-session'], /^[0-9a-f]{64}$/);

  const time = await me.call('GET', '/VIID/System/Time');
  assert.equal(time.status, 200, time.text);
  assert.match(time.json.SystemTimeObject.VIIDServerID, /^\d{20}$/);
  assert.match(time.json.SystemTimeObject.LocalTime, /^\d{14}$/);
  const keep = await me.call('POST', '/VIID/System/Keepalive', { KeepaliveObject: { DeviceID: CLIENT } });
  assert.equal(keep.json.ResponseStatusObject.StatusCode, 0, keep.text);

  const clients = expectStatus(await admin.get('/checkpoint/viid/clients'), 200).items;
  const listed = clients.find((c) => c.id === CLIENT);
  assert.ok(listed && listed.registered && listed.name === '测试上级平台', JSON.stringify(clients));
});

test('tollgates register through /VIID/Tollgates', async () => {
  const r = await me.call('POST', '/VIID/Tollgates', { TollgateListObject: { TollgateObject: [
    { TollgateID: TOLLGATE, Name: '测试卡口', Longitude: '104.1', Latitude: 30.5, TollgateCat: '31', LaneNum: 4 },
    { TollgateID: '123', Name: '坏卡口' },
  ] } });
  assert.equal(r.status, 200, r.text);
  const items = r.json.ResponseStatusListObject.ResponseStatusObject;
  assert.equal(items[0].StatusCode, 0, JSON.stringify(items[0]));
  assert.equal(items[1].StatusCode, 8);
  assert.match(items[1].StatusString, /TollgateID/);
});

test('list and single envelopes, vendor casing, 17-digit times; each object answered', async () => {
  const before = await appended();
  const list = await me.call('POST', '/VIID/MotorVehicles', { MotorVehicleListObject: { MotorVehicleObject: [
    vehicle('川A10001'),
    { motorvehicleid: 'v2', plateNo: '川a·10002', TollgateId: TOLLGATE, PASSTIME: '20260921101501123',
      platecolor: '2', SPEED: '61.4', StorageURL1: 'http://x/1.jpg' },
    vehicle('川A1000'),                                  // bad plate
    vehicle('川A10004', { TollgateID: '51990100001210009999' }),  // unknown tollgate
    vehicle('川A10005', { PassTime: '2026-99-99' }),     // bad time
  ] } });
  assert.equal(list.status, 200, list.text);
  const items = list.json.ResponseStatusListObject.ResponseStatusObject;
  assert.deepEqual(items.map((i) => i.StatusCode), [0, 0, 8, 8, 8]);
  assert.equal(items[1].Id, 'v2');
  assert.match(items[2].StatusString, /PlateNo/);
  assert.match(items[3].StatusString, /TollgateID: not_registered/);
  assert.match(items[4].StatusString, /PassTime/);
  assert.equal(await appended(), before + 2);

  const single = await me.call('POST', '/VIID/MotorVehicles', { MotorVehicleObject: vehicle('川A10006') });
  assert.equal(single.status, 200, single.text);
  assert.equal(single.json.ResponseStatusObject.StatusCode, 0);
  assert.equal(await appended(), before + 3);

  const sources = expectStatus(await admin.get('/checkpoint/intake/sources'), 200).items;
  const mine = sources.find((s) => s.source === CLIENT);
  assert.ok(mine.accepted >= 3 && mine.rejected >= 3, JSON.stringify(mine));
});

test('a pass of a watched plate raises exactly one alert, even when posted twice', async () => {
  const duty = await loggedIn(server, 'duty');
  const plate = '川YZ9527';  // the demo county's red watch order
  const mine = async () => (expectStatus(await duty.get(`/alerts?q=${encodeURIComponent(plate)}&page_size=200`), 200))
    .items.filter((a) => a.title.includes('测试卡口'));  // the list carries no payload: the title names the checkpoint
  const before = (await mine()).length;
  const pass = vehicle(plate, { PassTime: viidTime() });
  for (let i = 0; i < 2; i++) {
    const r = await me.call('POST', '/VIID/MotorVehicles', { MotorVehicleListObject: { MotorVehicleObject: [pass] } });
    assert.equal(r.json.ResponseStatusListObject.ResponseStatusObject[0].StatusCode, 0, r.text);
  }
  const after = await mine();
  assert.equal(after.length, before + 1, JSON.stringify(after.map((a) => a.title)));
  assert.equal(after[0].colour, 'red');
});

// GA/T 1400 DispositionObject / DispositionNotificationObject: our watch orders and hits offered read-only.
test('dispositions and their notifications are offered read-only; POST is refused, nothing is created', async () => {
  const list = await me.call('GET', '/VIID/Dispositions');
  assert.equal(list.status, 200, list.text);
  assert.match(list.headers['content-type'], /application\/VIID\+JSON/i);
  const orders = list.json.DispositionListObject.DispositionObject;
  assert.equal(orders.length, 3, list.text);
  assert.deepEqual(orders.map((o) => o.TargetFeature).sort(), ['川YZ2088', '川YZ6130', '川YZ9527']);
  for (const o of orders) {
    assert.match(o.DispositionID, /^\d{20}$/);
    assert.equal(o.DispositionCategory, 3);
    assert.equal(o.DispositionStatus, 0);
    assert.match(o.BeginTime, /^\d{14}$/);
    assert.match(o.EndTime, /^\d{14}$/);
    assert.ok(o.BeginTime < o.EndTime, JSON.stringify(o));
    assert.ok(o.Title && o.ApplicantName && o.ApplicantOrg, JSON.stringify(o));
  }
  // Paging: RecordStartNo is 1-based.
  const second = await me.call('GET', '/VIID/Dispositions?RecordStartNo=2&PageRecordNum=1');
  assert.deepEqual(second.json.DispositionListObject.DispositionObject.map((o) => o.DispositionID),
    [orders[1].DispositionID]);
  const badPage = await me.call('GET', '/VIID/Dispositions?PageRecordNum=0');
  assert.equal(badPage.status, 400);
  assert.match(badPage.json.ResponseStatusObject.StatusString, /PageRecordNum/);

  const all = await me.call('GET', '/VIID/DispositionNotifications');
  assert.equal(all.status, 200, all.text);
  const hits = all.json.DispositionNotificationListObject.DispositionNotificationObject;
  assert.ok(hits.length >= 1, all.text);
  const ids = new Set(orders.map((o) => o.DispositionID));
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    assert.ok(ids.has(h.DispositionID), JSON.stringify(h));
    assert.match(h.TriggerTime, /^\d{14}$/);
    assert.ok(h.NotificationID && h.CntObjectID && h.Title, JSON.stringify(h));
    assert.match(h.MotorVehicleObject.PassTime, /^\d{14}$/);
    assert.match(h.MotorVehicleObject.TollgateID, /^\d{20}$/);
    if (i > 0) assert.ok(hits[i - 1].MotorVehicleObject.PassTime >= h.MotorVehicleObject.PassTime, 'newest first');
  }
  const target = hits[0].DispositionID;
  const plate = orders.find((o) => o.DispositionID === target).TargetFeature;
  const one = await me.call('GET', `/VIID/DispositionNotifications?DispositionID=${target}&PageRecordNum=1000`);
  const mine = one.json.DispositionNotificationListObject.DispositionNotificationObject;
  assert.ok(mine.length >= 1, one.text);
  assert.ok(mine.every((h) => h.DispositionID === target && h.MotorVehicleObject.PlateNo === plate), one.text);
  assert.equal((await me.call('GET', '/VIID/DispositionNotifications?DispositionID=x1')).status, 400);

  const duty = await loggedIn(server, 'duty');
  const orderCount = async () => expectStatus(await duty.get('/checkpoint/watch-orders?page_size=1'), 200).total;
  const before = await orderCount();
  const post = await me.call('POST', '/VIID/Dispositions', { DispositionObject: {
    DispositionID: '51990100000000000099', Title: '外部布控', DispositionCategory: 3, TargetFeature: '川A12345',
    BeginTime: viidTime(), EndTime: '20991231000000' } });
  assert.equal(post.status, 403, post.text);
  assert.equal(post.json.ResponseStatusObject.StatusCode, 4);
  assert.match(post.json.ResponseStatusObject.StatusString, /Jingwu/);
  assert.equal(await orderCount(), before);
  const again = await me.call('GET', '/VIID/Dispositions');
  assert.equal(again.json.DispositionListObject.DispositionObject.length, 3);

  // Reads of watch orders are reads of sensitive data: each call is in the audit log.
  const aud = await loggedIn(server, 'auditadmin');
  for (const action of ['viid.dispositions.list', 'viid.disposition_notifications.list', 'viid.dispositions.create']) {
    const log = expectStatus(await aud.get(`/audit?action=${action}&object=${encodeURIComponent(`viid_client:${CLIENT}`)}`), 200);
    assert.ok(log.items.length >= 1, `${action}: ${JSON.stringify(log)}`);
  }

  const stranger = viidClient(server, '51990100002000000078');
  for (const [method, path] of [['GET', '/VIID/Dispositions'], ['GET', '/VIID/DispositionNotifications'],
    ['POST', '/VIID/Dispositions']]) {
    const r = await stranger.call(method, path, method === 'POST' ? { DispositionObject: {} } : undefined);
    assert.equal(r.status, 401, `${method} ${path}`);
    assert.equal(r.json.ResponseStatusObject.StatusCode, 4);
  }
});

test('broken JSON is status 7, wrong content 8, and nothing is stored', async () => {
  const before = await appended();
  const broken = await me.call('POST', '/VIID/MotorVehicles',
    '{"MotorVehicleListObject":{"MotorVehicleObject":[{"PlateNo":"川A10007","TollgateID":"' + TOLLGATE);
  assert.equal(broken.status, 400);
  assert.equal(broken.json.ResponseStatusObject.StatusCode, 7);
  const wrong = await me.call('POST', '/VIID/MotorVehicles', { FaceListObject: { FaceObject: [vehicle('川A10008')] } });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.ResponseStatusObject.StatusCode, 8);
  const notList = await me.call('POST', '/VIID/MotorVehicles',
    { MotorVehicleListObject: { MotorVehicleObject: vehicle('川A10009') } });
  assert.equal(notList.json.ResponseStatusObject.StatusCode, 8);
  assert.equal(await appended(), before);
});

test('clients admin: add, disable (then refused), validation names the field', async () => {
  expectError(await admin.post('/checkpoint/viid/clients', { id: '123', password: 'x' }), 400, 'invalid_argument',
    { id: true, password: true });
  const other = viidClient(server, '51990100002000000079', 'Other#Secret1');
  expectError(await admin.post('/checkpoint/viid/clients', { id: other.id, password: 'Short#1a' }), 400, 'invalid_argument',
    { password: true });
  expectStatus(await admin.post('/checkpoint/viid/clients', { id: other.id, password: 'Other#Secret1', name: '第二平台' }), 201);
  assert.equal((await other.register()).status, 200);
  expectStatus(await admin.post(`/checkpoint/viid/clients/${other.id}/disable`, {}), 200);
  const refused = await other.call('POST', '/VIID/System/Keepalive', { KeepaliveObject: { DeviceID: other.id } });
  assert.equal(refused.status, 401);
  assert.equal((await other.register()).status, 401);
  const officer = await loggedIn(server, 'officer');
  assert.equal((await officer.get('/checkpoint/viid/clients')).status, 403);
});

test('bulk CSV import in chunks reports rejected lines', async () => {
  const before = await appended();
  const csv = Buffer.from(passCsv([
    { plate: '川A20001', checkpoint: TOLLGATE, time: '2026-09-01 08:00:00' },
    { plate: '川A2000', checkpoint: TOLLGATE, time: '2026-09-01 08:00:01' },                // bad plate
    { plate: '川A20003', checkpoint: '51990100001210009999', time: '2026-09-01 08:00:02' },  // unknown checkpoint
    { plate: '川A20004', checkpoint: TOLLGATE, time: '2026-09-01 08:00:03' },
  ]), 'utf8');
  const started = expectStatus(await admin.post('/checkpoint/import/start', {}), 201);
  const cut = 90;  // mid-line
  const post = (seq, part, last) => admin.request('POST', `/checkpoint/import/${started.id}/chunks?seq=${seq}&last=${last}`,
    { body: part, headers: { 'Content-Type': 'text/csv' } });
  expectStatus(await post(0, csv.subarray(0, cut), 0), 200);
  const done = expectStatus(await post(1, csv.subarray(cut), 1), 200);
  assert.equal(done.finished, true);
  assert.equal(done.loaded, 2);
  assert.equal(done.rejected, 2);
  assert.deepEqual(done.errors.map((e) => e.line), [3, 4]);
  assert.equal(await appended(), before + 2);
  expectError(await admin.request('POST', '/checkpoint/import', { body: 'nope\n', headers: { 'Content-Type': 'text/csv' } }),
    400, 'invalid_argument', { header: true });
});

test('UnRegister ends the registration: the next call is refused until the client registers again', async () => {
  const bye = await me.call('POST', '/VIID/System/UnRegister', { UnRegisterObject: { DeviceID: CLIENT } });
  assert.equal(bye.json.ResponseStatusObject.StatusCode, 0, bye.text);
  assert.equal((await me.call('GET', '/VIID/System/Time')).status, 401);
  assert.equal((await me.register()).status, 200);
  assert.equal((await me.call('GET', '/VIID/System/Time')).status, 200);
});

test('a fresh registration survives a server restart', async () => {
  assert.equal((await me.call('GET', '/VIID/System/Time')).status, 200);
  await server.stop();
  await server.start();
  const t = await me.call('GET', '/VIID/System/Time');
  assert.equal(t.status, 200, t.text);
  admin = await loggedIn(server, 'sysadmin');
  const listed = expectStatus(await admin.get('/checkpoint/viid/clients'), 200).items.find((c) => c.id === CLIENT);
  assert.ok(listed.registered && listed.last_address, JSON.stringify(listed));
});

// One audit record per post (ADR 0071): the count of accepted and refused objects and the SM3 of the accepted
// passes, one line each in the engine's CSV form with Unix seconds, in the order posted. And a post is answered
// only once its passes are durable: they are still there after kill -9 and a restart.
test('a post is audited once with its counts and the SM3 of the accepted passes; its passes survive kill -9', async () => {
  const leader = await loggedIn(server, 'leader');
  const time = viidTime(-60);
  const today = `${time.slice(0, 4)}-${time.slice(4, 6)}-${time.slice(6, 8)}`;  // the passes' China day
  const atTollgate = async (who) => {
    const top = expectStatus(await who.get(`/checkpoint/stats/top?from=${today}&to=${today}&limit=100`), 200);
    return top.rows.find((r) => r.id === TOLLGATE)?.passes ?? 0;
  };
  const before = await atTollgate(leader);
  const unix = Date.UTC(+time.slice(0, 4), +time.slice(4, 6) - 1, +time.slice(6, 8), +time.slice(8, 10) - 8,
    +time.slice(10, 12), +time.slice(12, 14)) / 1000;
  const sent = [
    { ...vehicle('川A30001'), PassTime: time, Direction: 2, LaneNo: 3, Speed: 61.6 },
    { ...vehicle('川A30002'), PassTime: time, PlateColor: 2 },
    { ...vehicle('川A3000'), PassTime: time },  // bad plate: refused, not in the digest
    { ...vehicle('川a·30004'), PassTime: time, Speed: '45' },  // normalised before it is stored and digested
  ];
  const r = await me.call('POST', '/VIID/MotorVehicles', { MotorVehicleListObject: { MotorVehicleObject: sent } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.ResponseStatusListObject.ResponseStatusObject.map((i) => i.StatusCode), [0, 0, 8, 0]);
  const lines = [
    `川A30001,5,${TOLLGATE},${unix},2,3,62\n`,
    `川A30002,2,${TOLLGATE},${unix},0,0,60\n`,
    `川A30004,5,${TOLLGATE},${unix},0,0,45\n`,
  ].join('');
  const digest = crypto.createHash('sm3').update(lines, 'utf8').digest('hex');

  const aud = await loggedIn(server, 'auditadmin');
  const log = expectStatus(await aud.get(`/audit?action=viid.motor_vehicles&object=${encodeURIComponent(`viid_client:${CLIENT}`)}&page_size=200`), 200);
  const mine = log.items.filter((i) => i.detail.includes(digest));
  assert.equal(mine.length, 1, `one record with the digest ${digest}: ${JSON.stringify(log.items.slice(0, 3))}`);
  assert.deepEqual(JSON.parse(mine[0].detail).params, { accepted: '3', rejected: '1', sm3: digest });
  assert.ok(mine[0].detail_text.includes(digest), mine[0].detail_text);  // worded from the catalogue

  assert.equal(await atTollgate(leader), before + 3);
  const killed = await server.kill9();
  assert.equal(killed.signal, 'SIGKILL', 'the server was killed, not stopped');
  await server.start();
  assert.equal(await atTollgate(await loggedIn(server, 'leader')), before + 3, 'the acknowledged passes survived kill -9');
});
