// After a restructure (ADR 0024): dissolved units leave the unit choices but stay readable for history; the
// leaders' dashboards group by the unit structure of a date and still add up to the county total before and after
// a merge; and a restructure run from the CLI while the server runs is noticed by the server (its officers'
// cached unit scopes are rebuilt) without a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server, sys, duty, leader;
before(async () => {
  server = await startServer('units_by_date');
  sys = await loggedIn(server, 'sysadmin');
  duty = await loggedIn(server, 'duty');
  leader = await loggedIn(server, 'leader');
});
after(async () => { await server?.cleanup(); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// China date `days` after today, YYYY-MM-DD.
const chinaDate = (days) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
// 城关派出所 (the demo's `officer`, whose password is set) is merged into 东城派出所.
const GONE = '519901031000';
const KEEP = '519901031100';
const EFFECTIVE = chinaDate(20);
const plan = {
  title: '城关并入东城', effective_date: EFFECTIVE, reason: '集成测试',
  operations: [{ op: 'merge', units: [KEEP, GONE], into: KEEP }],
};

const allUnits = async () => expectStatus(await sys.get('/units?include_dissolved=1'), 200).items;
const liveUnits = async () => expectStatus(await sys.get('/units'), 200).items;
const byCode = (list, code) => list.find((u) => u.code === code);
// An instant as the API takes it (seconds, no fraction).
const iso = (ms) => encodeURIComponent(new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);
async function metric(name) {
  const text = (await sys.get('/metrics')).text;
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

let gone, keep, dcOfficer;
test('before: an alert answered by 城关 is kept there; the statistics by today\'s structure show both stations', async () => {
  const units = await allUnits();
  gone = byCode(units, GONE);
  keep = byCode(units, KEEP);
  assert.ok(gone && keep);
  assert.equal(gone.dissolved_at, null);
  dcOfficer = 'officer';
  const officer = await loggedIn(server, dcOfficer);

  // One alert to both stations; 城关 signs and reports back, which closes its target (a closed record stays put).
  const raised = expectStatus(await duty.post('/alerts', {
    colour: 'orange', subject: '川A54321', title: '被盗车辆', unit_ids: [String(gone.id), String(keep.id)],
  }), 201);
  expectStatus(await officer.post(`/alerts/${raised.id}/sign`, {}), 200);
  expectStatus(await officer.post(`/alerts/${raised.id}/feedback`, { outcome: '已查获', officer: '民警甲' }), 200);

  const stats = expectStatus(await leader.get('/alerts/stats'), 200);
  assert.equal(stats.structure_date, chinaDate(0));
  assert.ok(stats.by_unit.some((u) => u.unit_id === gone.id), JSON.stringify(stats.by_unit));
  assert.equal(sum(stats.by_unit, 'targets'), sum(stats.by_colour, 'targets'));
});

let noticedMs;
test('CLI restructure while the server runs: the server notices it and the moved officer\'s scope follows', async () => {
  const officer = await loggedIn(server, dcOfficer);
  // The officer's data scope (cached with the session) is 城关: no case of 东城 is visible.
  const visible = async () => expectStatus(await officer.get('/cases?page_size=100'), 200).items;
  assert.ok(!(await visible()).some((k) => k.unit_id === keep.id));
  const seen = await metric('jw_unit_structure_changes_seen_total');
  assert.equal(seen, 0);
  const file = path.join(server.dir, 'merge.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  const applied = server.cli(['unit', 'restructure', '--plan', file]);  // the server keeps running
  assert.equal(applied.code, 0, applied.output);
  const done = Date.now();
  let now = seen;
  for (let i = 0; i < 300 && now === seen; ++i) {  // bounded: at most ~30 s
    await sleep(100);
    now = await metric('jw_unit_structure_changes_seen_total');
  }
  noticedMs = Date.now() - done;
  console.log(`# server noticed the CLI restructure after ${noticedMs} ms`);
  assert.equal(now, seen + 1, 'the running server noticed the restructure');
  // The same session, not logged in again: its principal was rebuilt with the officer's new unit and scope.
  assert.equal(expectStatus(await officer.get('/session'), 200).user.unit_id, keep.id);
  assert.ok((await visible()).some((k) => k.unit_id === keep.id), 'the scope followed the officer to 东城');
});

test('the dissolved unit leaves the unit choices and stays readable for history', async () => {
  assert.ok(!byCode(await liveUnits(), GONE), 'hidden by default');
  const listed = byCode(await allUnits(), GONE);
  assert.ok(listed?.dissolved_at, 'listed with include_dissolved=1, marked');
  assert.ok(byCode(await liveUnits(), KEEP));
  const choices = expectStatus(await duty.get('/alerts/units'), 200).items;
  assert.ok(!choices.some((u) => u.id === gone.id), 'not offered to raise an alert to');
  expectError(await duty.post('/alerts', { colour: 'blue', subject: '川A00001', title: '测试', unit_ids: [String(gone.id)] }),
    400, 'invalid_argument', { unit_ids: 'dissolved' });
  expectError(await sys.post('/users', { username: 'newbie1', police_no: '998811', name: '新警', unit_id: gone.id,
    phone: '13900000011' }), 400, 'invalid_argument', { unit_id: 'dissolved' });
  const history = expectStatus(await sys.get(`/units/${gone.id}/history`), 200);
  assert.equal(history.versions[0].name, '城关派出所');
  expectStatus(await sys.get('/units?include_dissolved=1'), 200);
  expectError(await sys.get('/units?include_dissolved=maybe'), 400, 'invalid_argument', { include_dissolved: 'invalid_boolean' });
});

test('dashboards by date: before the merge the old stations, after it the new one, the same county total', async () => {
  const from = iso(Date.now() - 2 * 86400_000);
  const to = iso(Date.now() + 60_000);
  const beforeMerge = expectStatus(await leader.get(`/alerts/stats?from=${from}&to=${to}&date=${chinaDate(0)}`), 200);
  const afterMerge = expectStatus(await leader.get(`/alerts/stats?from=${from}&to=${to}&date=${chinaDate(21)}`), 200);
  const ids = (s) => s.by_unit.map((u) => u.unit_id);
  assert.ok(ids(beforeMerge).includes(gone.id), JSON.stringify(beforeMerge.by_unit));
  assert.ok(!ids(afterMerge).includes(gone.id), JSON.stringify(afterMerge.by_unit));
  const cg = (s) => s.by_unit.find((u) => u.unit_id === keep.id);
  const dc = beforeMerge.by_unit.find((u) => u.unit_id === gone.id);
  assert.equal(cg(afterMerge).targets, cg(beforeMerge).targets + dc.targets);
  assert.equal(cg(afterMerge).reported, cg(beforeMerge).reported + dc.reported);
  for (const s of [beforeMerge, afterMerge]) {
    assert.equal(sum(s.by_unit, 'targets'), sum(s.by_colour, 'targets'), 'units add up to the county');
    assert.equal(sum(s.by_unit, 'signed'), sum(s.by_colour, 'signed'));
  }
  assert.equal(sum(afterMerge.by_unit, 'targets'), sum(beforeMerge.by_unit, 'targets'));
  // A period ending after the effective date is grouped by the new structure without being asked.
  const later = iso(Date.now() + 25 * 86400_000);
  const byEnd = expectStatus(await leader.get(`/alerts/stats?from=${from}&to=${later}`), 200);
  assert.ok(!ids(byEnd).includes(gone.id));

  // Supervision: every open case counted once, by the structure of either date.
  const plain = expectStatus(await leader.get('/supervision/dashboard'), 200);
  for (const date of [chinaDate(0), chinaDate(21)]) {
    const d = expectStatus(await leader.get(`/supervision/dashboard?date=${date}`), 200);
    assert.equal(d.date, date);
    assert.deepEqual(d.totals, plain.totals);
    for (const k of ['open', 'due_soon', 'overdue', 'returned'])
      assert.equal(d.units.reduce((n, u) => n + u.counts[k], 0), d.totals[k], k);
  }
  const after = expectStatus(await leader.get(`/supervision/dashboard?date=${chinaDate(21)}`), 200);
  assert.ok(!after.units.some((u) => u.unit_id === gone.id));
  const drill = expectStatus(await leader.get(`/supervision/dashboard?date=${chinaDate(21)}&unit_id=${keep.id}`), 200);
  assert.equal(drill.cases.length, after.units.find((u) => u.unit_id === keep.id)?.counts.open ?? 0);
  expectError(await leader.get('/supervision/dashboard?date=2026-02-30'), 400, 'invalid_argument', { date: 'invalid_date' });
});

test('undo from the CLI: the unit is live and offered again, and the server notices', async () => {
  const list = expectStatus(await sys.get('/units/restructures'), 200);
  const seen = await metric('jw_unit_structure_changes_seen_total');
  const undone = server.cli(['unit', 'restructure', '--undo', String(list.items[0].id), '--reason', '撤销测试']);
  assert.equal(undone.code, 0, undone.output);
  let now = seen;
  for (let i = 0; i < 300 && now === seen; ++i) {
    await sleep(100);
    now = await metric('jw_unit_structure_changes_seen_total');
  }
  assert.equal(now, seen + 1);
  // The server serves the unit list from its reference cache (ADR 0066): a change made by another process is in
  // it once the server has noticed the change (above), not before.
  const back = byCode(await liveUnits(), GONE);
  assert.ok(back, 'live again');
  assert.equal(back.dissolved_at, null);
});
