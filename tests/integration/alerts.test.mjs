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
      if (push.type === 'notification' && push.data.params?.alert_id === String(raised.id)) break;
    }
    assert.equal(push.type, 'notification');
    // Codes between layers: the kind, the catalogue code and the colour arrive as codes, the words beside them.
    assert.equal(push.data.kind, 'alert');
    assert.equal(push.data.code, 'alerts.raised');
    assert.equal(push.data.params.colour, 'red');
    assert.equal(push.data.params.title, '在逃人员驾驶车辆进入城区');
    assert.equal(push.data.title, '【红色预警】在逃人员驾驶车辆进入城区');  // a live push is worded in zh-CN

    // The inbox words it in the reader's language, from the same code and parameters.
    const inbox = async (lang) => expectStatus(await officer.get('/notifications?unread=1',
      { headers: { 'Accept-Language': lang } }), 200).items.find((n) => n.params?.alert_id === String(raised.id) &&
      n.code === 'alerts.raised');
    const zh = await inbox('zh-CN,zh;q=0.9');
    const en = await inbox('en-GB,en;q=0.8');
    assert.equal(zh.title, '【红色预警】在逃人员驾驶车辆进入城区');
    assert.equal(en.title, '[red alert] 在逃人员驾驶车辆进入城区');
    assert.match(en.body, /^川A12345 · to: 城关派出所 · sign within 5 min \(alert no\. \d+\)$/);
    assert.deepEqual(zh.params, en.params);

    const mine = expectStatus(await officer.get('/alerts?state=unsigned'), 200);
    const item = mine.items.find((a) => a.id === raised.id);
    assert.ok(item && item.mine && item.mine.signed_at === null, JSON.stringify(mine));

    const early = expectError(await officer.post(`/alerts/${raised.id}/feedback`, { outcome: '已查获', officer: '王志强' }),
      409, 'conflict');
    assert.equal(early.detail, 'not_signed');
    assert.equal(early.message, '尚未签收，不能反馈');
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

test('an error is worded in the language the request asks for, its code and fields the same', async () => {
  const duty = await loggedIn(server, 'duty');
  const station = await unitId(duty, '城关派出所');
  const send = (lang) => duty.post('/alerts', { colour: 'red', subject: 'x', title: '', unit_ids: [String(station)] },
    { headers: { 'Accept-Language': lang } });
  const en = expectError(await send('en-US,en;q=0.9,zh;q=0.5'), 400, 'invalid_argument');
  const zh = expectError(await send('zh-CN'), 400, 'invalid_argument');
  assert.deepEqual(en.fields, { title: 'required' });
  assert.deepEqual(zh.fields, en.fields);
  assert.equal(en.message, 'Some entries are not valid; please check them: title (Required)');
  assert.equal(zh.message, '填写的内容有误，请检查：title（必填）');
  const missing = expectError(await duty.get('/alerts/999999', { headers: { 'Accept-Language': 'en' } }), 404, 'not_found');
  assert.equal(missing.message, 'The record does not exist or was removed');
});

test('bad input names the field and writes nothing; administrators and officers cannot raise', async () => {
  const duty = await loggedIn(server, 'duty');
  const station = await unitId(duty, '城关派出所');
  const before = expectStatus(await duty.get('/alerts'), 200).total;
  const bad = expectError(await duty.post('/alerts', { colour: 'purple', subject: 'x', title: 't', unit_ids: [String(station)] }),
    400, 'invalid_argument');
  assert.equal(bad.fields.colour, 'unknown_value', JSON.stringify(bad.fields));
  assert.equal(bad.message, '填写的内容有误，请检查：colour（取值不在允许范围内）');  // zh-CN when the client names no language
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
