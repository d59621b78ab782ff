// The phone app's server side (issue 15, ADR 0053) through the real server, on SQLite and PostgreSQL: a write
// resent with the same Idempotency-Key is applied once and answered with the first reply; the key reused for
// another body is refused; the person check is recorded once per key and answered from the master index and the
// person watch list; the cache key is one per session and gone with it; a grid's addresses only for its team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, REPO_ROOT } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

// A GB 32100-2015 unified social credit code with its check character (§4.2).
function creditCode(first17) {
  const set = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const sum = [...first17].reduce((acc, ch, i) => acc + set.indexOf(ch) * ((3 ** i) % 31), 0);
  return first17 + set[(31 - (sum % 31)) % 31];
}

let server;
let officer;
before(async () => {
  server = await startServer('field');
  officer = await loggedIn(server, 'officer');
});
after(async () => { await server?.cleanup(); });

const count = (sql) => Number(execSql(server.db, sql).trim());
const key = (h) => ({ headers: { 'Idempotency-Key': h } });

test('a visit resent with the same key is recorded once and answered the same', async () => {
  const address = execSql(server.db, "SELECT code FROM community_addresses WHERE level = 'room' ORDER BY code LIMIT 1").trim();
  const body = { kind: 'routine', address_id: address, findings: '门口走访：一切正常', person_ids: [], follow_up: false };
  const before = count('SELECT count(*) FROM community_visits');
  const first = await officer.post('/community/visits', body, key('visit-key-000001'));
  expectStatus(first, 201);
  const again = await officer.post('/community/visits', body, key('visit-key-000001'));
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(again.json, first.json);
  assert.equal(count('SELECT count(*) FROM community_visits'), before + 1);
  expectError(await officer.post('/community/visits', { ...body, findings: '另一次走访' }, key('visit-key-000001')),
    409, 'conflict', { idempotency_key: 'reused' });
  expectError(await officer.post('/community/visits', body, key('bad key')), 400, 'invalid_argument',
    { idempotency_key: 'bad_format' });
  // another user's same key is their own
  const other = await loggedIn(server, 'officer');
  assert.equal(count('SELECT count(*) FROM idempotency_keys WHERE idem_key = \'visit-key-000001\''), 1);
  expectStatus(await other.get('/field/cache-key'), 200);
});

test('a person registered twice through the queue is one person; a stale edit is a conflict', async () => {
  const id = id18('51990119930405271');
  const body = { id_number: id, name: '队列登记', category: 'household', phones: [] };
  const a = expectStatus(await officer.post('/community/people', body, key('person-key-0001')), 201);
  const b = await officer.post('/community/people', body, key('person-key-0001'));
  assert.equal(b.status, 201);
  assert.deepEqual(b.json, a);
  const edit = { version: 1, status: 'present', phones: ['13800138000'] };
  expectStatus(await officer.request('PATCH', `/community/people/${a.person_id}`, { json: edit, headers: { 'Idempotency-Key': 'edit-key-0001' } }), 200);
  // the phone's queue sends the same edit again: the first answer, not a conflict
  expectStatus(await officer.request('PATCH', `/community/people/${a.person_id}`, { json: edit, headers: { 'Idempotency-Key': 'edit-key-0001' } }), 200);
  // a second phone edited version 1 meanwhile: refused, not written over
  const stale = await officer.request('PATCH', `/community/people/${a.person_id}`,
    { json: { ...edit, phones: ['13900139000'] }, headers: { 'Idempotency-Key': 'edit-key-0002' } });
  assert.equal(stale.status, 409);
});

test('a house and a unit registered from the phone\'s queue twice with one key are one record, answered the same', async () => {
  // the queue resends when a reply was lost (ADR 0053, 0076): the second request must not add a house or unit
  const room = execSql(server.db, 'SELECT code FROM community_addresses a WHERE level = \'room\' AND NOT EXISTS '
    + '(SELECT 1 FROM community_houses h WHERE h.address_code = a.code) ORDER BY code LIMIT 1').trim();
  const owner = { id_kind: 'resident_id', id_number: id18('51990119750312481'), name: '队列房主' };
  const house = { address_id: room, use: 'rented', owner, area_m2: 62.5, notes: '手机登记' };
  const houses = count('SELECT count(*) FROM community_houses');
  const h1 = expectStatus(await officer.post('/community/houses', house, key('house-key-00001')), 201);
  const h2 = await officer.post('/community/houses', house, key('house-key-00001'));
  assert.equal(h2.status, 201);
  assert.equal(h2.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(h2.json, h1);
  assert.equal(count('SELECT count(*) FROM community_houses'), houses + 1);
  assert.equal(count(`SELECT count(*) FROM community_houses WHERE address_code = '${room}'`), 1);
  // without the key a second registration at the address is refused naming the field (nothing written)
  expectError(await officer.post('/community/houses', house), 400, 'invalid_argument', { address_id: 'already_exists' });
  expectError(await officer.post('/community/houses', { ...house, use: 'own' }, key('house-key-00001')), 409, 'conflict',
    { idempotency_key: 'reused' });

  const org = { name: '队列登记商店', kind: 'enterprise', credit_code: creditCode(`915199017${String(Date.now()).slice(-8)}`), address_id: room,
    phone: '13800138001', legal_rep: { id_kind: 'resident_id', id_number: id18('51990119800101123'), name: '队列法人' } };
  const orgs = count('SELECT count(*) FROM community_orgs');
  const o1 = expectStatus(await officer.post('/community/orgs', org, key('org-key-000001')), 201);
  const o2 = await officer.post('/community/orgs', org, key('org-key-000001'));
  assert.equal(o2.status, 201);
  assert.equal(o2.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(o2.json, o1);
  assert.equal(count('SELECT count(*) FROM community_orgs'), orgs + 1);
  expectError(await officer.post('/community/orgs', org), 400, 'invalid_argument', { credit_code: 'already_exists' });
  // a refused write is not recorded under its key: corrected, the same key is applied
  const wrong = org.credit_code.slice(0, 17) + (org.credit_code[17] === '0' ? '1' : '0');
  const bad = { ...org, name: '队列二店', credit_code: wrong };
  expectError(await officer.post('/community/orgs', bad, key('org-key-000002')), 400, 'invalid_argument',
    { credit_code: 'bad_check_character' });
  const fixed = { ...bad, credit_code: '' };
  expectStatus(await officer.post('/community/orgs', fixed, key('org-key-000002')), 201);
  assert.equal(count('SELECT count(*) FROM community_orgs'), orgs + 2);
});

test('a check is recorded once per key and answers from the watch list and the master index', async () => {
  const known = id18('51990119880101333');
  expectStatus(await officer.post('/community/people', { id_number: known, name: '盘查对象', category: 'household', phones: [] }), 201);
  const before = count('SELECT count(*) FROM field_checks');
  const body = { client_key: 'check-1', id_number: known, longitude: 104.07, latitude: 30.67, checked_at: 1_700_000_000, offline: true };
  const a = expectStatus(await officer.post('/field/checks', body, key('check-key-00001')), 201);
  assert.equal(a.outcome, 'known');
  assert.equal(a.person.name, '盘***');
  assert.ok(!JSON.stringify(a).includes(known));
  const b = await officer.post('/field/checks', body, key('check-key-00001'));
  assert.deepEqual(b.json, a);
  // the same client_key under another header key (a phone that lost its header) is still one check
  const c = expectStatus(await officer.post('/field/checks', body, key('check-key-00002')), 200);
  assert.equal(c.id, a.id);
  assert.equal(count('SELECT count(*) FROM field_checks'), before + 1);
  const nothing = expectStatus(await officer.post('/field/checks', { client_key: 'check-2', id_number: id18('51990119880101334') }), 201);
  assert.equal(nothing.outcome, 'nothing');
  expectError(await officer.post('/field/checks', { client_key: 'check-3' }), 400, 'invalid_argument',
    { name: 'required', birth_date: 'required' });
  const mine = expectStatus(await officer.get('/field/checks?mine=true'), 200);
  const row = mine.items.find((x) => x.id === a.id);
  assert.equal(row.offline, true);
  assert.equal(row.checked_at, 1_700_000_000);
  assert.deepEqual(row.position, { longitude: 104.07, latitude: 30.67 });
  assert.ok(!JSON.stringify(mine).includes(known), 'the list shows masked numbers');
  // a wanted person of the demo county's watch list
  const wanted = await officer.get('/personwatch/entries?status=active&kind=wanted&page_size=1');
  assert.ok(wanted.json.items.length > 0, 'the demo lists wanted persons');
});

test('the cache key is one per session and gone with it', async () => {
  const s1 = await loggedIn(server, 'officer');
  const s2 = await loggedIn(server, 'officer');
  const a = expectStatus(await s1.get('/field/cache-key'), 200);
  const again = expectStatus(await s1.get('/field/cache-key'), 200);
  const b = expectStatus(await s2.get('/field/cache-key'), 200);
  assert.match(a.secret, /^[0-9a-f]{64}$/);
  assert.equal(again.secret, a.secret);
  assert.notEqual(b.secret, a.secret);
  assert.ok(a.max_offline_hours > 0);
  expectStatus(await s1.del('/session'), 204);
  expectError(await s1.get('/field/cache-key'), 401);
});

test('a grid\'s addresses for its team only', async () => {
  const grid = execSql(server.db, "SELECT m.grid_code FROM community_grid_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'officer' LIMIT 1").trim();
  assert.ok(grid);
  const r = expectStatus(await officer.get(`/field/grid-addresses?grid=${encodeURIComponent(grid)}`), 200);
  assert.ok(r.items.length > 0);
  assert.ok(r.items.every((a) => a.address_id && a.full_name));
  expectError(await officer.get('/field/grid-addresses?grid=NO-SUCH-GRID'), 404);
  // without a grid named: the grid whose team the caller is on (the officer is on it)
  const own = expectStatus(await officer.get('/field/grid-addresses'), 200);
  assert.equal(own.grid, grid);
  assert.equal(own.items.length, r.items.length);
});

// A grid member (no checks, no field.check) keeps an offline store too (ADR 0064): the cache key, their grid's
// addresses (found by the team they are on, none of another grid), their tasks — and no person check, no watch
// list, nobody's full ID number.
test('a grid member gets the offline store of their own grid and no more', async () => {
  const member = await loggedIn(server, 'gridmember');
  const key = expectStatus(await member.get('/field/cache-key'), 200);
  assert.match(key.secret, /^[0-9a-f]{64}$/);
  const grid = execSql(server.db, "SELECT m.grid_code FROM community_grid_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'gridmember' LIMIT 1").trim();
  assert.ok(grid, 'the demo puts the grid member on the officer\'s grid');
  const own = expectStatus(await member.get('/field/grid-addresses'), 200);
  assert.equal(own.grid, grid);
  assert.ok(own.items.length > 0);
  const other = execSql(server.db, `SELECT code FROM community_grids WHERE code <> '${grid}' ORDER BY code LIMIT 1`).trim();
  if (other) expectError(await member.get(`/field/grid-addresses?grid=${encodeURIComponent(other)}`), 404);
  expectStatus(await member.get('/community/tasks?mine=true&status=open'), 200);
  expectError(await member.post('/field/checks', { client_key: 'gm-1', id_number: '110101199003070011' }), 403);
  expectError(await member.get('/personwatch/offline-list'), 403);
});

// A photo taken offline is sent from the queue with its key until the phone hears the reply (issue 15, ADR 0059):
// the upload is stored once and every resend answers the first media_id; then the task report naming it.
test('a photo resent with the same key is stored once and answered with the first media_id', async () => {
  const jpeg = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/exif_gps.jpg'));
  const send = (k) => officer.request('POST', '/media', { body: jpeg, headers: { 'Content-Type': 'image/jpeg', 'Idempotency-Key': k } });
  const before = count('SELECT count(*) FROM media_objects');
  const first = await send('photo-key-000001');
  expectStatus(first, 201);
  const again = await send('photo-key-000001');
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.json.media_id, first.json.media_id);
  assert.equal(count('SELECT count(*) FROM media_objects'), before + 1);
  // a second photo (another key) is another upload
  const second = expectStatus(await send('photo-key-000002'), 201);
  assert.notEqual(second.media_id, first.json.media_id);
  assert.equal(count('SELECT count(*) FROM media_objects'), before + 2);
  assert.equal(count(`SELECT count(*) FROM audit_log WHERE object = 'media:${first.json.media_id}' AND action = 'media.upload'`), 1,
    'the upload is in the audit log once');
  assert.ok(count("SELECT count(*) FROM audit_log WHERE action = 'media.upload' AND detail = 'replayed'") >= 1,
    'and the replay as a replay');
});

// A photo the phone uploaded (online, or from the offline queue) becomes the record's when the record names it
// (ADR 0069): attached to the registered person and to the task's report, so whoever may read the record sees it
// (the leader, not only the uploader) and the purge of abandoned uploads leaves it; a photo uploaded by someone
// else is refused naming the field, nothing written.
test('a person\'s and a task report\'s photos are attached to them and read like them', async () => {
  const jpeg = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/exif_gps.jpg'));
  const upload = async (who) => expectStatus(await who.request('POST', '/media', { body: jpeg, headers: { 'Content-Type': 'image/jpeg' } }), 201).media_id;
  const leader = await loggedIn(server, 'leader');
  const owner = (m) => execSql(server.db, `SELECT owner_kind || ':' || owner_id FROM media_objects WHERE media_id = '${m}'`).trim();

  const personPhoto = await upload(officer);
  assert.equal((await leader.request('GET', `/media/${personPhoto}`)).status, 404, 'unattached: the uploader\'s only');
  const number = id18('51990119910303771');
  const foreign = await upload(leader);
  const people = count('SELECT count(*) FROM community_people');
  expectError(await officer.post('/community/people', { id_number: number, name: '照片归属', category: 'household', phones: [], photo_media_id: foreign }),
    400, 'invalid_argument', { photo_media_id: 'not_found' });
  assert.equal(count('SELECT count(*) FROM community_people'), people, 'nothing written');
  const person = expectStatus(await officer.post('/community/people', { id_number: number, name: '照片归属', category: 'household', phones: [], photo_media_id: personPhoto }), 201);
  assert.equal(owner(personPhoto), `community.person:${person.person_id}`);
  assert.equal((await leader.request('GET', `/media/${personPhoto}`)).status, 200, 'read like the person');
  // a new photo through the verification (PATCH) is attached too
  const newer = await upload(officer);
  expectStatus(await officer.request('PATCH', `/community/people/${person.person_id}`, { json: { version: person.version, photo_media_id: newer } }), 200);
  assert.equal(owner(newer), `community.person:${person.person_id}`);

  const officerId = count("SELECT id FROM users WHERE username = 'officer'");
  const task = expectStatus(await leader.post('/community/tasks', { title: '照片核查任务', assignee_id: officerId, limit_working_days: 2 }), 201);
  const reportPhoto = await upload(officer);
  expectError(await officer.post(`/community/tasks/${task.id}/report`, { report: '已核查', media_ids: [foreign] }),
    400, 'invalid_argument', { media_ids: 'not_found' });
  assert.equal(count(`SELECT count(*) FROM community_tasks WHERE id = ${task.id} AND status = 'open'`), 1, 'nothing written');
  const done = expectStatus(await officer.post(`/community/tasks/${task.id}/report`, { report: '已核查', media_ids: [reportPhoto] }), 200);
  assert.deepEqual(done.report_media_ids, [reportPhoto]);
  assert.equal(owner(reportPhoto), `community.task:${task.id}`);
  assert.equal((await leader.request('GET', `/media/${reportPhoto}`)).status, 200, 'read like the task');
});
