// Houses and units of the master index (issue 14, ADR 0033) through the real binary and server, and the shared
// photo upload they use: demo data present, a house registered at a free room address with a photo (metadata
// stripped, sealed at rest, readable like the house), tenants reported and unreported (治安管理处罚法 2025
// art. 68 para. 1), rental checks, version conflicts, units with credit codes (GB 32100) and sealed phones, CSV
// export and import through the command line, the audit actions the assessment engine counts, and a photo that
// survives kill -9 once acknowledged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, JINGWU_BIN, REPO_ROOT } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('places'); });
after(async () => { await server?.cleanup(); });

const JPEG = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/exif_gps.jpg'));
const sql = (q) => execSql(server.db, q).trim();
const patch = (c, p, json) => c.request('PATCH', p, { json });

function cli(args) {
  const r = spawnSync(JINGWU_BIN, args, { env: server.env, cwd: server.dir, encoding: 'utf8', timeout: 120_000,
    maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const upload = (c, bytes, type = 'image/jpeg') =>
  c.request('POST', '/media', { body: bytes, headers: { 'Content-Type': type } });

function freeRoom(n = 0) {
  return sql('SELECT code FROM community_addresses a WHERE level = \'room\' AND NOT EXISTS (SELECT 1 FROM '
    + `community_houses h WHERE h.address_code = a.code) ORDER BY code LIMIT 1 OFFSET ${n}`);
}

// A GB 11643 resident ID number with its check character (region 519901, the demo county).
function residentId(body17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

function newPerson(name) {
  const tag = `t${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  sql('INSERT INTO community_people (id_kind, id_number, id_index, name, category, collected_by, unit_id, '
    + `created_at, updated_at) VALUES ('resident', 'sm4:00', '${tag}', '${name}', 'household', 1, 1, 0, 0)`);
  return Number(sql(`SELECT id FROM community_people WHERE id_index = '${tag}'`));
}

test('demo: houses at room addresses with every use, units of every kind with valid credit codes', async () => {
  const rooms = Number(sql("SELECT COUNT(*) FROM community_addresses WHERE level = 'room'"));
  const housed = Number(sql("SELECT COUNT(*) FROM community_houses h JOIN community_addresses a ON "
    + "a.code = h.address_code WHERE a.level = 'room'"));
  assert.ok(housed > rooms * 0.4 && housed < rooms * 0.8, `${housed} of ${rooms} rooms`);
  const officer = await loggedIn(server, 'officer');
  for (const use of ['own', 'rented', 'commercial', 'vacant']) {
    const page = expectStatus(await officer.get(`/community/houses?use=${use}&page_size=5`), 200);
    assert.ok(page.total > 0, use);
    assert.ok(page.items.every((h) => h.use === use));
  }
  const kinds = sql('SELECT kind, COUNT(*) FROM community_orgs GROUP BY kind ORDER BY kind').split('\n');
  assert.equal(kinds.length, 6, kinds.join(';'));
  const orgs = expectStatus(await officer.get('/community/orgs?page_size=50'), 200);
  assert.ok(orgs.total > 0);
  for (const o of orgs.items) {
    assert.match(o.credit_code, /^[0-9A-HJ-NPQRTUWXY]{18}$/);
    assert.match(o.phone, /\*{4}/, 'phone masked');
  }
  assert.equal(Number(sql("SELECT COUNT(*) FROM community_orgs WHERE phone NOT LIKE 'sm4:%'")), 0);
});

test('a house with a photo: metadata stripped, sealed, readable like the house', async () => {
  const officer = await loggedIn(server, 'officer');
  const up = expectStatus(await upload(officer, JPEG), 201);
  assert.match(up.media_id, /^m[0-9a-f]{32}$/);
  assert.equal(up.width, 64);
  const owner = newPerson('赵房东');
  const address = freeRoom();
  const made = expectStatus(await officer.post('/community/houses', { address_id: address, use: 'rented',
    owner_person_id: owner, area_m2: 72.5, photo_media_id: up.media_id }), 201);
  assert.equal(made.owner_name, '赵**');
  assert.equal(made.version, 1);
  const got = await officer.get(`/media/${up.media_id}`);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'image/jpeg');
  assert.ok(!got.bytes.includes('GPSLatitude') && got.bytes.length < JPEG.length);
  assert.ok(got.bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xd8])));
  const stored = sql(`SELECT sealed FROM media_objects WHERE media_id = '${up.media_id}'`);
  assert.ok(!Buffer.from(stored, 'base64').includes(Buffer.from([0xff, 0xd8, 0xff])), 'sealed at rest');
  // The leader (county-wide, reads houses) sees it; the custodian (no house permission) gets the same 404 as
  // an unknown id.
  const leader = await loggedIn(server, 'leader');
  assert.equal((await leader.get(`/media/${up.media_id}`)).status, 200);
  const custodian = await loggedIn(server, 'custodian');
  expectError(await custodian.get(`/media/${up.media_id}`), 404, 'not_found');
  // A photo already on one house cannot go on another.
  expectError(await officer.post('/community/houses', { address_id: freeRoom(), use: 'own',
    photo_media_id: up.media_id }), 400, 'invalid_argument', { photo_media_id: 'attached_elsewhere' });
  assert.equal(sql(`SELECT action FROM audit_log WHERE object = 'media:${up.media_id}' AND result = 'ok' `
    + 'ORDER BY id').split('\n').join(','), 'media.upload,media.read,media.read');
});

test('tenants: the landlord\'s report, unreported tenants listed, rental checks, versions', async () => {
  const officer = await loggedIn(server, 'officer');
  const address = freeRoom();
  const house = expectStatus(await officer.post('/community/houses', { address_id: address, use: 'own' }), 201);
  const tenant = newPerson('钱租客');
  expectError(await officer.post(`/community/houses/${house.id}/tenants`, { person_id: tenant,
    from_date: '2026-01-01' }), 400, 'invalid_argument', { use: 'not_rented' });
  const rented = expectStatus(await patch(officer, `/community/houses/${house.id}`, { version: 1, use: 'rented' }), 200);
  assert.equal(rented.version, 2);
  expectError(await patch(officer, `/community/houses/${house.id}`, { version: 1, notes: 'x' }), 409, 'conflict');

  const t = expectStatus(await officer.post(`/community/houses/${house.id}/tenants`, { person_id: tenant,
    from_date: '2026-01-01' }), 201);
  assert.equal(t.unreported, true);
  assert.equal(t.name, '钱**');
  // A second tenant given by identity: registered in the master index once, found the second time.
  const id = residentId('51990119900101123');
  const byId = expectStatus(await officer.post(`/community/houses/${house.id}/tenants`, { person: { id_kind:
    'resident_id', id_number: id, name: '孙租客' }, from_date: '2026-02-01', reported: true }), 201);
  assert.equal(byId.unreported, false);
  const again = expectStatus(await officer.post(`/community/houses/${house.id}/tenants`, { person: { id_kind:
    'resident_id', id_number: id, name: '孙租客' }, from_date: '2025-01-01', to_date: '2025-12-31', reported: true }), 201);
  assert.equal(again.person_id, byId.person_id);
  expectError(await officer.post(`/community/houses/${house.id}/tenants`, { person: { id_number: '519901199001011230',
    name: '错号' }, from_date: '2026-02-01' }), 400, 'invalid_argument', { 'person.id_number': true });
  const listed = expectStatus(await officer.get(`/community/houses?unreported=1&address_id=${address}`), 200);
  assert.deepEqual(listed.items.map((h) => h.id), [house.id]);
  expectStatus(await officer.post(`/community/houses/${house.id}/tenants`, { tenant_id: t.id, reported: true }), 200);
  assert.equal(expectStatus(await officer.get(`/community/houses?unreported=1&address_id=${address}`), 200).total, 0);

  expectError(await officer.post(`/community/houses/${house.id}/checks`, { result: 'maybe' }), 400,
    'invalid_argument', { result: 'invalid_enum' });
  expectStatus(await officer.post(`/community/houses/${house.id}/checks`, { result: 'ok', notes: '消防设施齐全' }), 201);
  const detail = expectStatus(await officer.get(`/community/houses/${house.id}`), 200);
  assert.ok(detail.checked_at);
  assert.equal(detail.checks.length, 1);
  assert.equal(detail.tenants.length, 3);
  assert.ok(detail.tenants.every((x) => !x.unreported));

  const actions = sql(`SELECT action FROM audit_log WHERE object = 'house:${house.id}' AND result = 'ok' ORDER BY id`);
  for (const a of ['community.house.create', 'community.house.tenant', 'community.house.check'])
    assert.ok(actions.split('\n').includes(a), `${a} in ${actions}`);
});

test('units: credit code checked, phone sealed and masked, version conflict', async () => {
  const officer = await loggedIn(server, 'officer');
  const address = sql("SELECT code FROM community_addresses WHERE level = 'house' ORDER BY code LIMIT 1");
  const body = { name: '示范县测试网吧', kind: 'special_trade', address_id: address, credit_code: '91350100M000100Y44',
    phone: '13907771234' };
  expectError(await officer.post('/community/orgs', body), 400, 'invalid_argument',
    { credit_code: 'bad_check_character' });
  expectError(await officer.post('/community/orgs', { ...body, kind: 'bank' }), 400, 'invalid_argument',
    { kind: 'invalid_enum' });
  const made = expectStatus(await officer.post('/community/orgs', { ...body, credit_code: '91350100M000100Y43' }), 201);
  assert.equal(made.phone, '139****1234');
  assert.equal(sql(`SELECT COUNT(*) FROM community_orgs WHERE phone LIKE '%13907771234%'`), '0');
  expectError(await officer.post('/community/orgs', { ...body, credit_code: '91350100M000100Y43' }), 400,
    'invalid_argument', { credit_code: 'already_exists' });
  const changed = expectStatus(await patch(officer, `/community/orgs/${made.id}`, { version: 1, kind: 'key_unit' }), 200);
  assert.equal(changed.kind, 'key_unit');
  expectError(await patch(officer, `/community/orgs/${made.id}`, { version: 1, kind: 'other' }), 409, 'conflict');
  assert.equal(sql(`SELECT action FROM audit_log WHERE object = 'org:${made.id}' AND result = 'ok' ORDER BY id LIMIT 1`),
    'community.org.create');
});

test('permissions: roles without them are refused; administrators get no business data', async () => {
  for (const user of ['custodian', 'sysadmin', 'auditadmin']) {
    const c = await loggedIn(server, user);
    expectError(await c.get('/community/houses'), 403);
    expectError(await c.get('/community/orgs'), 403);
  }
  const duty = await loggedIn(server, 'duty');
  expectStatus(await duty.get('/community/houses?page_size=1'), 200);
  expectError(await duty.post('/community/houses', { address_id: freeRoom(), use: 'own' }), 403);
});

test('command line: export and import of houses and units, errors by line', () => {
  for (const kind of ['houses', 'units']) {
    const out = cli(['community', 'export', '--kind', kind]);
    assert.equal(out.code, 0, out.stdout.slice(0, 300) + out.stderr);
    const lines = out.stdout.trim().split('\n');
    assert.ok(lines.length > 100, `${kind}: ${lines.length}`);
    const file = path.join(server.dir, `${kind}.csv`);
    fs.writeFileSync(file, [lines[0], ...lines.slice(1, 21)].join('\n') + '\n');
    const back = cli(['community', 'import', '--kind', kind, file]);
    assert.equal(back.code, 0, back.stdout + back.stderr);
    assert.deepEqual(JSON.parse(back.stdout), { kind, imported: 20 });
  }
  const file = path.join(server.dir, 'bad.csv');
  fs.writeFileSync(file, `address_id,use\n${freeRoom()},own\n${freeRoom(1)},leased\n`);
  const bad = cli(['community', 'import', '--kind', 'houses', file]);
  assert.equal(bad.code, 2, bad.stdout + bad.stderr);
  const err = JSON.parse(bad.stdout);
  assert.equal(err.fields.use, 'invalid_enum');
  assert.match(err.message, /line 3/);
  assert.equal(sql(`SELECT COUNT(*) FROM community_houses WHERE address_code = '${freeRoom()}'`), '0', 'all or nothing');
});

test('a photo acknowledged just before kill -9 is there after restart, byte for byte', async () => {
  const officer = await loggedIn(server, 'officer');
  const up = expectStatus(await upload(officer, JPEG), 201);
  const before = (await officer.get(`/media/${up.media_id}`)).bytes;
  const killed = await server.kill9();
  assert.equal(killed.signal, 'SIGKILL');
  await server.start();
  const again = await loggedIn(server, 'officer');
  const after = await again.get(`/media/${up.media_id}`);
  assert.equal(after.status, 200);
  assert.ok(after.bytes.equals(before));
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'media.upload' AND object = 'media:${up.media_id}'`), '1');
});
