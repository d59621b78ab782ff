// Grouped alerts (issue 13, ADR 0043) through the real server: one plate passing four watched checkpoints within
// the window is one alert that grows — four sightings in time order with place and coordinates, the unit's
// signature kept, the WebSocket push naming the same alert — and its title is in the reader's language. A retried
// load adds nothing; a sighting outside the window raises a second alert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';
import { isoTime as iso } from './lib/china_time.mjs';
import { importPasses, passCsv } from './lib/passes.mjs';
import { openWebSocket } from './lib/websocket.mjs';

let server;
before(async () => { server = await startServer('alert_grouping'); });
after(async () => { await server?.cleanup(); });

const PLATE = '川A55G66';

test('four watched checkpoints in 30 minutes: one alert with four sightings that keeps its signature', async () => {
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const leader = await loggedIn(server, 'leader');
  const admin = await loggedIn(server, 'sysadmin');
  const opts = expectStatus(await officer.get('/checkpoint/watch-orders/options'), 200);
  const station = opts.units.find((u) => u.name === '城关派出所').id;
  const gates = expectStatus(await admin.get('/checkpoint/devices?kind=tollgate&page_size=4'), 200).items;
  assert.equal(gates.length, 4);
  const created = expectStatus(await officer.post('/checkpoint/watch-orders', {
    target: PLATE, reason: '涉嫌盗窃案件车辆', case_no: 'A5199012026000043', priority: 1,
    valid_from: iso(-3 * 3600), valid_to: iso(86400), unit_ids: [station],
  }), 201);
  expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 200);
  // Times from one moment, so that a retried load below sends the very same passes however slow the run is.
  const t0 = Date.now();
  const at = (ago) => new Date(t0 - ago * 1000 + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);  // China time
  const pass = (i, ago) => ({ plate: PLATE, checkpoint: gates[i].id, time: at(ago), direction: 2, lane: 1 });

  await importPasses(admin, passCsv([pass(0, 1500), pass(1, 1200)]));
  let list = expectStatus(await officer.get(`/alerts?q=${PLATE}`), 200);
  assert.equal(list.total, 1, JSON.stringify(list));
  const id = list.items[0].id;
  expectStatus(await officer.post(`/alerts/${id}/sign`, {}), 200);

  const ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${officer.cookie('jw_session')}` });
  try {
    assert.equal(ws.status, 101);
    await importPasses(admin, passCsv([pass(2, 900), pass(3, 600)]));
    // The push names the alert that grew, not a new one.
    let push;
    for (let i = 0; i < 50; i += 1) {
      push = JSON.parse(await ws.nextText(5000));
      if (push.type === 'notification' && push.data.code === 'alerts.sighted' && push.data.params?.plate === PLATE) break;
    }
    assert.equal(push.data.code, 'alerts.sighted', JSON.stringify(push));
    assert.equal(push.data.params.alert_id, String(id));
  } finally {
    await ws.close();
  }

  list = expectStatus(await officer.get(`/alerts?q=${PLATE}`), 200);
  assert.equal(list.total, 1, JSON.stringify(list));
  assert.equal(list.items[0].payload.sighting_count, 4);
  const one = expectStatus(await officer.get(`/alerts/${id}`), 200);
  assert.deepEqual(one.sightings.map((s) => s.place), gates.map((g) => g.name));
  assert.deepEqual(one.sightings.map((s) => s.place_id), gates.map((g) => g.id));
  assert.ok(one.sightings.every((s) => typeof s.longitude === 'number' && typeof s.latitude === 'number'));
  assert.ok(one.sightings.every((s) => s.direction === 2 && s.lane === 1));
  const times = one.sightings.map((s) => Date.parse(s.seen_at));
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  assert.ok(one.targets[0].signed_at, 'signed before it grew, still signed');
  assert.equal(one.title, `布控车辆 ${PLATE} 已发现 4 次，最近经过 ${gates[3].name}`);

  // Server-made words in the reader's language: the alert's title and the notifications.
  const en = { headers: { 'Accept-Language': 'en' } };
  const inEnglish = expectStatus(await officer.get(`/alerts/${id}`, en), 200);
  assert.equal(inEnglish.title, `Watched vehicle ${PLATE} seen 4 times, last at ${gates[3].name}`);
  const listEn = expectStatus(await officer.get(`/alerts?q=${PLATE}`, en), 200);
  assert.equal(listEn.items[0].title, inEnglish.title);
  const notes = expectStatus(await officer.get('/notifications?page_size=200', en), 200).items
    .filter((n) => n.params?.alert_id === String(id));
  assert.ok(notes.length >= 2, JSON.stringify(notes.slice(0, 2)));
  for (const n of notes) assert.doesNotMatch(`${n.title} ${n.body}`, /布控车辆|预警编号|下发/, JSON.stringify(n));

  // A retried load adds nothing; a pass more than the window before the first raises a second alert.
  await importPasses(admin, passCsv([pass(2, 900), pass(3, 600)]));
  assert.equal(expectStatus(await officer.get(`/alerts/${id}`), 200).sightings.length, 4);
  await importPasses(admin, passCsv([pass(0, 1500 + 1800 + 600)]));
  list = expectStatus(await officer.get(`/alerts?q=${PLATE}`), 200);
  assert.equal(list.total, 2, JSON.stringify(list.items.map((a) => a.title)));
});
