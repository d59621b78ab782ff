// The community module's standard addresses through the real binary and server (issue 14, ADR 0031): export and
// import as CSV (errors naming the column and line, kinds not built yet refused), match-address on stdin, and the
// same answers at POST /api/v1/community/addresses/match; permission refused for a role without it; bad input
// names the field; import and matching audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, JINGWU_BIN } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('community'); });
after(async () => { await server?.cleanup(); });

function cli(args, input = '') {
  const r = spawnSync(JINGWU_BIN, args, { env: server.env, cwd: server.dir, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function matchLines(lines) {
  const r = cli(['community', 'match-address'], lines.join('\n') + '\n');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, lines.length);
  return out;
}

const KEYS = ['input', 'address_id', 'full_name', 'score', 'candidates'];  // in this order on the command line

test('export: the demo county\'s standard addresses as CSV with the agreed columns', () => {
  const r = cli(['community', 'export', '--kind', 'addresses']);
  assert.equal(r.code, 0, r.stdout.slice(0, 300) + r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines[0].startsWith('address_id,full_name,longitude,latitude,grid_id'), lines[0]);
  assert.equal(lines.length - 1, 20000);
  assert.ok(lines.some((l) => l.startsWith('519901-01-01-001-0005-01-01-0101,示范县城关镇东门社区解放路5号1栋1单元101室,')));
});

test('match-address: one JSON per line with exactly the agreed fields; a new address has no id', () => {
  const [hit, dashes, none] = matchLines(['城关镇解放路5号1栋1单元101', '解放路五号1-1-101', '火星路1号']);
  for (const r of [hit, dashes, none]) assert.deepEqual(Object.keys(r), KEYS);
  assert.equal(hit.input, '城关镇解放路5号1栋1单元101');
  assert.equal(hit.address_id, '519901-01-01-001-0005-01-01-0101');
  assert.equal(hit.full_name, '示范县城关镇东门社区解放路5号1栋1单元101室');
  assert.equal(hit.score, 1);
  assert.ok(hit.candidates.length > 0 && hit.candidates[0].score < 1, JSON.stringify(hit.candidates));
  assert.equal(dashes.address_id, hit.address_id);
  assert.equal(none.address_id, null);
  assert.equal(none.full_name, null);
});

test('import: all or nothing, errors by line; audited; an imported address joins the grid it lies in', () => {
  const file = path.join(server.dir, 'addresses.csv');
  fs.writeFileSync(file, 'address_id,full_name,road,house_no,longitude,latitude\n'
    + 'T-1,示范县城关镇测试路1号,测试路,1,104.1,30.5\nT-2,示范县城关镇测试路2号,测试路,2,,\n');
  const ok = cli(['community', 'import', '--kind', 'addresses', file]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), { kind: 'addresses', imported: 2 });
  // T-1 lies where none of the demo's grids is; T-5 at the coordinates of an address of grid G01 joins G01 at once.
  assert.equal(execSql(server.db, "SELECT COALESCE(grid_id, '-') FROM community_addresses WHERE code = 'T-1'").trim(), '-');
  const [lon, lat] = execSql(server.db, "SELECT longitude || ',' || latitude FROM community_addresses "
    + "WHERE grid_id = '519901-G01' AND longitude IS NOT NULL ORDER BY code LIMIT 1").trim().split(',');
  fs.writeFileSync(file, `address_id,full_name,road,house_no,longitude,latitude\nT-5,示范县城关镇测试路5号,测试路,5,${lon},${lat}\n`);
  assert.equal(cli(['community', 'import', '--kind', 'addresses', file]).code, 0);
  assert.equal(execSql(server.db, "SELECT grid_id FROM community_addresses WHERE code = 'T-5'").trim(), '519901-G01');
  fs.writeFileSync(file, 'address_id,full_name,road,house_no,longitude,latitude\n'
    + 'T-1,示范县城关镇测试路1号,测试路,1,104.1,30.5\nT-2,示范县城关镇测试路2号,测试路,2,,\n');
  const [found] = matchLines(['测试路２号']);
  assert.equal(found.address_id, 'T-2');

  fs.writeFileSync(file, 'address_id,full_name,longitude,latitude\nT-3,x,104,30\nT-4,y,east,30\n');
  const bad = cli(['community', 'import', '--kind', 'addresses', file]);
  assert.equal(bad.code, 2, bad.stdout + bad.stderr);
  const err = JSON.parse(bad.stdout);
  assert.equal(err.code, 'invalid_argument');
  assert.equal(err.fields.longitude, 'not_a_number');
  assert.match(err.message, /line 3/);
  assert.equal(matchLines(['x'])[0].address_id, null);
  assert.equal(execSql(server.db, "SELECT COUNT(*) FROM community_addresses WHERE code = 'T-3'").trim(), '0');

  assert.equal(JSON.parse(cli(['community', 'export', '--kind', 'cars']).stdout).fields.kind, 'unknown');
  const audited = execSql(server.db, "SELECT detail FROM audit_log WHERE action = 'community.import'").trim();
  assert.match(audited, /^2 rows from /m);
});

test('the endpoint answers as the command does, for one input and for many', async () => {
  const officer = await loggedIn(server, 'officer');
  const inputs = ['城关镇解放路5号1栋1单元101', '解放路５号', '火星路1号'];
  const fromCli = matchLines(inputs);
  const one = expectStatus(await officer.post('/community/addresses/match', { input: inputs[0] }), 200);
  assert.deepEqual(one, fromCli[0]);
  const many = expectStatus(await officer.post('/community/addresses/match', { inputs }), 200);
  assert.deepEqual(many.items, fromCli);
  const audited = execSql(server.db, "SELECT detail FROM audit_log WHERE action = 'community.address_match' "
    + "AND result = 'ok' ORDER BY id DESC LIMIT 1").trim();
  assert.equal(audited, '3 matched 2');
});

test('the endpoint: refused without the permission, bad input names the field', async () => {
  for (const user of ['custodian', 'sysadmin']) {
    const c = await loggedIn(server, user);
    expectError(await c.post('/community/addresses/match', { input: '解放路5号' }), 403);
  }
  const officer = await loggedIn(server, 'officer');
  expectError(await officer.post('/community/addresses/match', {}), 400, 'invalid_argument', { input: 'required' });
  expectError(await officer.post('/community/addresses/match', { input: 5 }), 400, 'invalid_argument', { input: true });
  expectError(await officer.post('/community/addresses/match', { inputs: 'x' }), 400, 'invalid_argument', { inputs: true });
  expectError(await officer.post('/community/addresses/match', { input: 'x'.repeat(201) }), 400, 'invalid_argument',
    { input: true });
  expectError(await officer.post('/community/addresses/match', { input: 'x', town: 'y' }), 400, 'invalid_argument',
    { town: true });
});
