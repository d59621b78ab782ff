// Grouped alerts' sightings (issue 13): where and when a watched plate was seen is personal data, shown with the
// alert and nowhere else. An officer of another station (东城派出所, not a target unit) gets the sightings from no
// way in: not the list, not the detail (404 like a missing alert), not the sign/feedback replies, not a
// notification (the in-app list is what the WebSocket pushes). The three administrators read no alerts at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { chinaTime, isoTime as iso } from '../integration/lib/china_time.mjs';
import { importPasses, passCsv } from '../integration/lib/passes.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const PLATE = '川A8S3K9';

let server;
let officer;  // 城关派出所: the target unit
let east;     // 东城派出所
let alertId;
let gates;
before(async () => {
  server = await startServer('alert_sightings');
  officer = await loggedIn(server, 'officer');
  east = await stationOfficer(server, '东城派出所');
  const leader = await loggedIn(server, 'leader');
  const admin = await loggedIn(server, 'sysadmin');
  const opts = expectStatus(await officer.get('/checkpoint/watch-orders/options'), 200);
  const station = opts.units.find((u) => u.name === '城关派出所').id;
  gates = expectStatus(await admin.get('/checkpoint/devices?kind=tollgate&page=2&page_size=3'), 200).items;
  const created = expectStatus(await officer.post('/checkpoint/watch-orders', {
    target: PLATE, reason: '涉嫌抢劫案件车辆', case_no: 'A5199012026000044', priority: 1,
    valid_from: iso(-3600), valid_to: iso(86400), unit_ids: [station],
  }), 201);
  expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 200);
  await importPasses(admin, passCsv(gates.map((g, i) =>
    ({ plate: PLATE, checkpoint: g.id, time: chinaTime(-900 + i * 120) }))));
  const list = expectStatus(await officer.get(`/alerts?q=${PLATE}`), 200);
  assert.equal(list.total, 1);
  alertId = list.items[0].id;
  assert.equal(expectStatus(await officer.get(`/alerts/${alertId}`), 200).sightings.length, gates.length);
});
after(async () => { await server?.cleanup(); });

test('another station gets the sightings from no way in', async () => {
  const secrets = [PLATE, ...gates.map((g) => g.id)];
  const detail = await east.get(`/alerts/${alertId}`);
  expectError(detail, 404, 'not_found');
  assertNoLeak(detail, secrets, 'east detail');
  const missing = await east.get('/alerts/987654321');
  assert.deepEqual(Object.keys(detail.json).sort(), Object.keys(missing.json).sort());
  for (const q of [`?q=${encodeURIComponent(PLATE)}`, '?page_size=200', '?state=open&page_size=200']) {
    const list = expectStatus(await east.get(`/alerts${q}`), 200);
    assertNoLeak({ text: JSON.stringify(list) }, [PLATE], `east list ${q}`);
  }
  for (const [path, body] of [[`/alerts/${alertId}/sign`, {}],
    [`/alerts/${alertId}/feedback`, { outcome: '未发现', officer: '李四' }]]) {
    const res = await east.post(path, body);
    assert.ok(res.status === 404 || res.status === 400 || res.status === 403, `${path}: ${res.status}`);
    assertNoLeak(res, secrets, `east ${path}`);
  }
  const notes = expectStatus(await east.get('/notifications?page_size=200'), 200);
  assertNoLeak({ text: JSON.stringify(notes) }, [PLATE], 'east notifications (what the WebSocket pushes)');
});

test('the three administrators read no alert and no sighting', async () => {
  for (const name of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, name);
    const res = await c.get(`/alerts/${alertId}`);
    expectError(res, 403, 'permission_denied');
    assertNoLeak(res, [PLATE], `${name} detail`);
    expectError(await c.get('/alerts'), 403, 'permission_denied');
  }
});
