// Four-colour alerts through the real server: the duty desk raises a red alert to a station, the station's
// officer gets it live on the WebSocket, signs for it and reports back, which closes it; the leader sees the
// statistics; administrators are refused; bad input names the field and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { openWebSocket } from './lib/websocket.mjs';

let server;
before(async () => { server = await startServer('alerts'); });
after(async () => { await server?.cleanup(); });

async function unitId(client, name) {
  const units = expectStatus(await client.get('/alerts/units'), 200).items;
  const u = units.find((x) => x.name === name);
  assert.ok(u, `unit ${name} in ${JSON.stringify(units.map((x) => x.name))}`);
  return u.id;
}

test('a red alert reaches the station live, is signed, reported back and closed', async () => {
  const duty = await loggedIn(server, 'duty');
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const station = await unitId(duty, '城关派出所');
  const ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${officer.cookie('jw_session')}` });
  try {
    assert.equal(ws.status, 101);
    assert.equal(JSON.parse(await ws.nextText()).type, 'hello');
    const raised = expectStatus(await duty.post('/alerts', {
      colour: 'red', subject: '川A12345', title: '在逃人员驾驶车辆进入城区', case_no: 'A5199012026000007',
      unit_ids: [String(station)], notes: '车辆白色轿车',
    }), 201);
    assert.equal(raised.status, 'open');
    assert.equal(raised.targets.length, 1);
    // The demo county's own watch-hit alerts may reach the officer first: read until this alert arrives.
    let push;
    for (let i = 0; i < 50; i += 1) {
      push = JSON.parse(await ws.nextText(5000));
      if (push.type === 'notification' && push.data.kind === 'alert' && /红色预警/.test(push.data.title)) break;
    }
    assert.equal(push.type, 'notification');
    assert.equal(push.data.kind, 'alert');
    assert.match(push.data.title, /红色预警/);

    const mine = expectStatus(await officer.get('/alerts?state=unsigned'), 200);
    const item = mine.items.find((a) => a.id === raised.id);
    assert.ok(item && item.mine && item.mine.signed_at === null, JSON.stringify(mine));

    expectError(await officer.post(`/alerts/${raised.id}/feedback`, { outcome: '已查获', officer: '王志强' }), 409, 'conflict');
    const signed = expectStatus(await officer.post(`/alerts/${raised.id}/sign`, {}), 200);
    assert.ok(signed.targets[0].signed_at);
    const done = expectStatus(await officer.post(`/alerts/${raised.id}/feedback`,
      { outcome: '已查获', officer: '王志强', notes: '人车已控制' }), 200);
    assert.equal(done.status, 'closed');
    assert.equal((await duty.get(`/alerts/${raised.id}`)).json.targets[0].outcome, '已查获');

    const leader = await loggedIn(server, 'leader');
    const stats = expectStatus(await leader.get('/alerts/stats'), 200);
    const red = stats.by_colour.find((c) => c.colour === 'red');
    assert.ok(red.alerts >= 1 && red.signed >= 1 && red.closed >= 1, JSON.stringify(red));
    assert.ok(stats.by_unit.some((u) => u.unit_id === station));
  } finally {
    await ws.close();
  }
});

test('bad input names the field and writes nothing; administrators and officers cannot raise', async () => {
  const duty = await loggedIn(server, 'duty');
  const station = await unitId(duty, '城关派出所');
  const before = expectStatus(await duty.get('/alerts'), 200).total;
  const bad = expectError(await duty.post('/alerts', { colour: 'purple', subject: 'x', title: 't', unit_ids: [String(station)] }),
    400, 'invalid_argument');
  assert.ok('colour' in bad.fields, JSON.stringify(bad.fields));
  const noUnits = expectError(await duty.post('/alerts', { colour: 'red', subject: 'x', title: 't', unit_ids: [] }),
    400, 'invalid_argument');
  assert.ok('unit_ids' in noUnits.fields, JSON.stringify(noUnits.fields));
  expectError(await duty.get('/alerts?state=whatever'), 400, 'invalid_argument');
  assert.equal(expectStatus(await duty.get('/alerts'), 200).total, before);

  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/alerts'), 403, 'permission_denied');
  const officer = await loggedIn(server, 'officer');
  expectError(await officer.post('/alerts', { colour: 'red', subject: 'x', title: 't', unit_ids: [String(station)] }),
    403, 'permission_denied');
  expectError(await officer.get('/alerts/stats'), 403, 'permission_denied');
});

test('data scope: a station officer sees only alerts sent to their own station', async () => {
  const duty = await loggedIn(server, 'duty');
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const other = expectStatus(await duty.post('/alerts', {
    colour: 'blue', subject: '川A0SCOP', title: '东城辖区核查', unit_ids: [String(await unitId(duty, '东城派出所'))],
  }), 201);
  const own = expectStatus(await duty.post('/alerts', {
    colour: 'blue', subject: '川A1SCOP', title: '城关辖区核查', unit_ids: [String(await unitId(duty, '城关派出所'))],
  }), 201);
  const seen = expectStatus(await officer.get('/alerts?q=SCOP&page_size=50'), 200);
  assert.deepEqual(seen.items.map((a) => a.id), [own.id]);
  expectError(await officer.get(`/alerts/${other.id}`), 404, 'not_found');
  expectError(await officer.post(`/alerts/${other.id}/sign`, {}), 404, 'not_found');
  // the command centre sees both
  const all = expectStatus(await duty.get('/alerts?q=SCOP&page_size=50'), 200);
  assert.deepEqual(all.items.map((a) => a.id).sort(), [other.id, own.id].sort());
});
