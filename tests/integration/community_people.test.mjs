// The person register (实有人口, issue 14, ADR 0032) through the real binary and server: a person registered twice
// is one person (15- and 18-digit forms; a passport number of two nationalities is two people); lists and details
// masked; edits with versions (409 on a stale one); moves in and out; a residence given as free text is matched to
// a standard address or refused with candidates; CSV import and export over HTTP and on the command line (all or
// nothing, errors by line, masked unless asked); every write audited with the work-event action names; nothing
// personal in the database file in the clear; the administrators refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, JINGWU_BIN, BACKEND } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

// GB 11643 check character of 17 digits.
function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const ID15 = '519901700303005';              // 1970-03-03, male
const ID18 = id18('51990119700303005');
const PHONE = '13566667777';
const HUKOU = '四川省示范县城关镇幸福巷88号';
const HOUSE = '519901-01-01-001-0005-01-01-0101';  // 示范县城关镇东门社区解放路5号1栋1单元101室

let server;
let officer;
before(async () => {
  server = await startServer('community_people');
  officer = await loggedIn(server, 'officer');
});
after(async () => { await server?.cleanup(); });

function cli(args, input = '') {
  const r = spawnSync(JINGWU_BIN, args, { env: server.env, cwd: server.dir, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const patch = (c, p, json) => c.request('PATCH', p, { json });

test('one person however often registered: 15 and 18 digits; passports by nationality', async () => {
  const first = await officer.post('/community/people', {
    id_number: ID15, name: '赵铁柱', phones: [PHONE], hukou_address: HUKOU, residence_address_id: HOUSE,
  });
  const a = expectStatus(first, 201);
  assert.equal(a.created, true);
  assert.equal(a.version, 1);
  const again = expectStatus(await officer.post('/community/people', { id_number: ID18, name: '赵铁柱', ethnicity: '汉族' }), 200);
  assert.deepEqual(again, { person_id: a.person_id, created: false, version: 2 });  // ethnicity was empty: filled

  const us = expectStatus(await officer.post('/community/people', { id_kind: 'passport', id_number: 'P7654321', nationality: 'USA', name: 'Ann Lee' }), 201);
  const gb = expectStatus(await officer.post('/community/people', { id_kind: 'passport', id_number: 'p7654321', nationality: 'gbr', name: 'Ann Lee' }), 201);
  assert.notEqual(us.person_id, gb.person_id);
  const usAgain = expectStatus(await officer.post('/community/people', { id_kind: 'passport', id_number: 'P7654321', nationality: 'USA', name: 'Ann Lee' }), 200);
  assert.equal(usAgain.person_id, us.person_id);

  expectError(await officer.post('/community/people', { id_number: id18('51990119700303005').slice(0, 17) + '0', name: 'x' }),
    400, 'invalid_argument', { id_number: ['bad_check_character'] });
  expectError(await officer.post('/community/people', { id_number: ID18, name: 'x', sex: 'female' }), 400, 'invalid_argument', { sex: 'does_not_match_id' });
  expectError(await officer.post('/community/people', { id_kind: 'passport', id_number: 'P1234567', name: 'x' }), 400, 'invalid_argument', { nationality: 'required' });
  expectError(await officer.post('/community/people', { id_number: ID18, name: 'x', residence_address_id: 'nowhere' }), 400, 'invalid_argument', { residence_address_id: 'unknown_address' });

  const audited = execSql(server.db, `SELECT action, object, result, detail FROM audit_log WHERE object = 'person:${a.person_id}' ORDER BY id`)
    .trim().split('\n');
  assert.equal(audited.length, 2, audited.join('\n'));
  assert.match(audited[0], /^community\.person\.create\|person:\d+\|ok\|created$/);
  assert.match(audited[1], /\|existing$/);
});

test('list and detail are masked; q finds by name prefix or the exact ID number', async () => {
  const byId = expectStatus(await officer.get(`/community/people?q=${ID15}`), 200);
  assert.equal(byId.total, 1);
  const p = byId.items[0];
  assert.equal(p.id_number, '519901********' + ID18.slice(14));
  assert.equal(p.name, '赵**');
  assert.deepEqual(p.phones, ['135****7777']);
  assert.equal(p.hukou_address, '四川省示范县***');
  assert.equal(p.birth_date, '1970-**-**');
  assert.equal(p.residence_address_id, HOUSE);
  assert.equal(p.residence_name, '示范县城关镇东门社区解放路5号1栋1单元101室');
  const byName = expectStatus(await officer.get(`/community/people?q=${encodeURIComponent('赵铁')}&page_size=200`), 200);
  assert.ok(byName.items.some((x) => x.id === p.id));
  const detail = expectStatus(await officer.get(`/community/people/${p.id}`), 200);
  const text = JSON.stringify(detail) + JSON.stringify(byId) + JSON.stringify(byName);
  for (const secret of [ID18, ID15, PHONE, HUKOU, '赵铁柱']) assert.ok(!text.includes(secret), secret);
  assert.deepEqual(detail.moves, []);
  const demo = expectStatus(await officer.get('/community/people?category=floating&page_size=5'), 200);
  assert.ok(demo.total > 5000, `demo floating people: ${demo.total}`);
  assert.ok(demo.items.every((x) => x.category === 'floating' && /\*/.test(x.id_number)));
  expectError(await officer.get('/community/people?category=tourist'), 400, 'invalid_argument', { category: 'invalid_enum' });
  expectError(await officer.get('/community/people/999999999'), 404, 'not_found');
});

test('grid filter goes through the addresses\' grid', async () => {
  execSql(server.db, `UPDATE community_addresses SET grid_id = 'T-GRID' WHERE code = '${HOUSE}'`);
  const r = expectStatus(await officer.get('/community/people?grid_id=T-GRID&page_size=200'), 200);
  assert.ok(r.total >= 1);
  assert.ok(r.items.every((x) => x.residence_address_id === HOUSE));
});

test('edits carry the version; a stale one is a conflict; moves set residence and status', async () => {
  const [p] = expectStatus(await officer.get(`/community/people?q=${ID18}`), 200).items;
  const ok = expectStatus(await patch(officer, `/community/people/${p.id}`, { version: p.version, category: 'floating', permit_no: 'JZ0001', permit_expires: '2030-01-01' }), 200);
  assert.equal(ok.version, p.version + 1);
  expectError(await patch(officer, `/community/people/${p.id}`, { version: p.version, category: 'household' }), 409, 'conflict');
  expectError(await patch(officer, `/community/people/${p.id}`, { version: ok.version, id_number: ID15 }), 400, 'invalid_argument', { id_number: 'unknown_field' });
  const moved = expectStatus(await officer.post(`/community/people/${p.id}/moves`, { kind: 'out', on_date: '2026-01-05', reason: '返乡' }), 201);
  assert.equal(moved.version, ok.version + 1);
  const back = expectStatus(await officer.post(`/community/people/${p.id}/moves`, { kind: 'in', address_id: '519901-01-01-001-0010', on_date: '2026-02-01' }), 201);
  const d = expectStatus(await officer.get(`/community/people/${p.id}`), 200);
  assert.equal(d.status, 'present');
  assert.equal(d.residence_address_id, '519901-01-01-001-0010');
  assert.equal(d.version, back.version);
  assert.deepEqual(d.moves.map((m) => m.kind), ['in', 'out']);
  expectError(await officer.post(`/community/people/${p.id}/moves`, { kind: 'in', on_date: '2026-02-01' }), 400, 'invalid_argument', { address_id: 'required' });
  const actions = execSql(server.db, `SELECT action FROM audit_log WHERE object = 'person:${p.id}' AND result = 'ok' AND action <> 'community.person.read' ORDER BY id`).trim().split('\n');
  assert.deepEqual(actions.slice(-3), ['community.person.update', 'community.person.move', 'community.person.move']);
});

test('a residence in free text is matched, or refused with candidates (422) and audited as invalid', async () => {
  const r = expectStatus(await officer.post('/community/people', {
    id_number: id18('51990119880808123'), name: '孙二娘', residence_address: '城关镇解放路5号1栋1单元101',
  }), 201);
  const d = expectStatus(await officer.get(`/community/people/${r.person_id}`), 200);
  assert.equal(d.residence_address_id, HOUSE);
  const refused = await officer.post('/community/people', { id_number: id18('51990119880808124'), name: '张青', residence_address: '解放路500号' });
  const body = expectError(refused, 422, 'invalid_argument', { residence_address_id: 'no_match' });
  assert.ok(Array.isArray(body.candidates) && body.candidates.length > 0, JSON.stringify(body));
  assert.ok(body.candidates[0].address_id && body.candidates[0].full_name);
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'community.person.create' AND result = 'invalid' AND detail = 'residence not matched'`).trim(), '1');
});

test('CSV over HTTP: errors by line and nothing written; export masked and audited', async () => {
  const good = `id_number,name,residence_address_id,phones\n${id18('51990119910101111')},顾大嫂,${HOUSE},13700001111\n`;
  const bad = `${good}${id18('51990119910101112').slice(0, 17)}0,孙新,,\n,无名,,\n`;
  const before = execSql(server.db, 'SELECT COUNT(*) FROM community_people').trim();
  const refused = await officer.request('POST', '/community/people/import', { body: bad, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(refused.status, 422, refused.text);
  assert.deepEqual(refused.json.errors.map((e) => [e.line, e.field]), [[3, 'id_number'], [4, 'id_number']]);
  assert.equal(execSql(server.db, 'SELECT COUNT(*) FROM community_people').trim(), before);
  const ok = await officer.request('POST', '/community/people/import', { body: good, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.created, 1);

  const exp = await officer.get('/community/people/export');
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-type'), /text\/csv/);
  assert.ok(exp.text.split('\n').length > 50000);
  for (const secret of [ID18, PHONE, '13700001111', 'sm4:', HUKOU]) assert.ok(!exp.text.includes(secret), secret);
  assert.match(execSql(server.db, "SELECT detail FROM audit_log WHERE action = 'community.person.export'").trim(), /rows, masked$/);
});

test('CLI: import people (errors by line, exit 2) and export masked or, when asked, clear but never sealed', () => {
  const file = path.join(server.dir, 'people.csv');
  fs.writeFileSync(file, `id_number,name,category,phones\n${id18('51990119920202222')},扈三娘,floating,13811112222\nE1,Bad,,\n`);
  const bad = cli(['community', 'import', '--kind', 'people', file]);
  assert.equal(bad.code, 2, bad.stdout + bad.stderr);
  assert.deepEqual(JSON.parse(bad.stdout).errors, [{ line: 3, field: 'id_number', problem: 'bad_length' }]);
  fs.writeFileSync(file, `id_number,name,category,phones\n${id18('51990119920202222')},扈三娘,floating,13811112222\n`);
  const ok = cli(['community', 'import', '--kind', 'people', '--officer', 'officer', file]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(JSON.parse(ok.stdout).created, 1);
  const masked = cli(['community', 'export', '--kind', 'people']);
  assert.equal(masked.code, 0);
  assert.ok(!masked.stdout.includes(id18('51990119920202222')));
  assert.ok(!masked.stdout.includes('sm4:'));
  const clear = cli(['community', 'export', '--kind', 'people', '--unmasked']);
  assert.equal(clear.code, 0);
  assert.ok(clear.stdout.includes(`${id18('51990119920202222')},,扈三娘`) || clear.stdout.includes(id18('51990119920202222')));
  assert.ok(!clear.stdout.includes('sm4:'));
  assert.match(execSql(server.db, "SELECT detail FROM audit_log WHERE action = 'community.export' ORDER BY id DESC LIMIT 1").trim(), /^unmasked$/);
});

test('nothing personal in the clear at rest', { skip: BACKEND !== 'sqlite' && 'reads the SQLite file' }, () => {
  execSql(server.db, 'PRAGMA wal_checkpoint(TRUNCATE)');
  const raw = fs.readFileSync(server.db.sqliteFile);
  for (const secret of [ID18, ID15, PHONE, HUKOU, '13811112222']) assert.equal(raw.indexOf(Buffer.from(secret)), -1, secret);
});

test('administrators and roles without the permission are refused', async () => {
  for (const user of ['sysadmin', 'secadmin', 'auditadmin', 'courier']) {
    const c = await loggedIn(server, user);
    expectError(await c.get('/community/people'), 403, 'permission_denied');
    expectError(await c.get('/community/people/1'), 403, 'permission_denied');
    expectError(await c.get('/community/people/export'), 403, 'permission_denied');
    expectError(await c.post('/community/people', { id_number: ID18, name: 'x' }), 403, 'permission_denied');
  }
  const duty = await loggedIn(server, 'duty');
  expectStatus(await duty.get('/community/people?page_size=1'), 200);
  expectError(await duty.post('/community/people', { id_number: ID18, name: 'x' }), 403, 'permission_denied');
});
