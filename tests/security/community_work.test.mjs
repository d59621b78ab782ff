// The other ways into the community officer's work records (issue 14, ADR 0035): another station's officer gets
// the not-found of every visit, mediation and task of 城关 (detail, list, change, report); a colleague at the same
// station may not report a task given to someone else; names of dispute parties are masked in every reply and
// sealed in the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

let server;
before(async () => { server = await startServer('seccommunitywork'); });
after(async () => { await server?.cleanup(); });

const sql = (q) => execSql(server.db, q).trim();

test('another station reads, lists, changes and reports none of 城关\'s work', async () => {
  const officer = await loggedIn(server, 'officer');
  const east = await stationOfficer(server, '东城派出所');
  const visit = expectStatus(await officer.get('/community/visits?page_size=1'), 200).items[0];
  const mediation = expectStatus(await officer.get('/community/mediations?page_size=1'), 200).items[0];
  const task = expectStatus(await officer.get('/community/tasks?mine=1&status=open&page_size=1'), 200).items[0];
  assert.ok(visit && mediation && task);
  expectError(await east.get(`/community/visits/${visit.id}`), 404);
  expectError(await east.get(`/community/mediations/${mediation.id}`), 404);
  expectError(await east.request('PATCH', `/community/mediations/${mediation.id}`, { json: { status: 'mediating' } }), 404);
  expectError(await east.get(`/community/tasks/${task.id}`), 404);
  expectError(await east.post(`/community/tasks/${task.id}/report`, { report: '冒名完成' }), 404);
  for (const list of ['visits', 'patrols', 'mediations', 'tasks']) {
    const r = expectStatus(await east.get(`/community/${list}?page_size=200`), 200);
    assert.equal(r.total, 0, `${list}: ${r.total}`);
  }
  // Filtering on 城关's grid or address does not widen the scope.
  const byAddress = expectStatus(await east.get(`/community/visits?address_id=${encodeURIComponent(visit.address_id)}`), 200);
  assert.equal(byAddress.total, 0);
  assert.equal(sql(`SELECT status FROM community_tasks WHERE id = ${task.id}`), 'open');
});

test('a task is reported only by its assignee, not by a colleague of the same station', async () => {
  const officer = await loggedIn(server, 'officer');
  const colleague = await stationOfficer(server, '城关派出所', 'Access@2026-west');
  const task = expectStatus(await officer.get('/community/tasks?mine=1&status=open&page_size=1'), 200).items[0];
  expectStatus(await colleague.get(`/community/tasks/${task.id}`), 200);  // same station: may read
  expectError(await colleague.post(`/community/tasks/${task.id}/report`, { report: '代为完成' }), 403, undefined,
    { task: 'not_assignee' });
  assert.equal(sql(`SELECT status FROM community_tasks WHERE id = ${task.id}`), 'open');
});

test('dispute parties are masked in replies and sealed at rest', async () => {
  const officer = await loggedIn(server, 'officer');
  const secret = ['欧阳明月', '司马长风'];
  const m = expectStatus(await officer.post('/community/mediations', {
    dispute_type: 'debt', parties: secret.map((name) => ({ name })), summary: '借款纠纷',
  }), 201);
  assertNoLeak({ text: JSON.stringify(m) }, secret, 'create reply');
  assertNoLeak(await officer.get(`/community/mediations/${m.id}`), secret, 'detail');
  assertNoLeak(await officer.get('/community/mediations?page_size=200'), secret, 'list');
  const stored = sql(`SELECT parties || summary FROM community_mediations WHERE id = ${m.id}`);
  for (const s of [...secret, '借款纠纷']) assert.ok(!stored.includes(s), `stored in the clear: ${s}`);
});
