// Finding 7: the audit chain could be rewritten by whoever can write the database. The attacks are made on a
// real server's database, the way such an attacker would: rewrite a row and recompute the plain SM3 chain and
// the head; delete the newest rows and move the head. `jingwu audit verify` (and the audit administrator's
// GET /audit/verify) must fail, naming the record or the missing tail. An untouched server verifies OK.
// ADR 0015.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectStatus } from '../integration/lib/expect.mjs';

let server;
before(async () => { server = await startServer('sec_audit'); });
after(async () => { await server?.cleanup(); });

const FIELDS = ['id', 'at', 'user_id', 'username', 'unit', 'client', 'action', 'object', 'result', 'purpose',
  'case_no', 'request_id', 'detail', 'prev_hash', 'hash', 'chain'];

// All audit rows, id order, read with the database's own client (fields joined by US, rows ended by RS).
function readRows() {
  const chr = server.db.sqliteFile ? 'char' : 'chr';
  const expr = FIELDS.map((f) => `CAST(${f} AS TEXT)`).join(` || ${chr}(31) || `) + ` || ${chr}(30)`;
  const out = execSql(server.db, `SELECT ${expr} FROM audit_log ORDER BY id`);
  return out.split('\x1e').map((s) => s.replace(/^\n/, '')).filter((s) => s.length > 0).map((line) => {
    const cells = line.split('\x1f');
    return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i]]));
  });
}

// What the attacker computes: the plain SM3 of the canonical content, as the server did before ADR 0015.
function plainSm3(r) {
  const parts = ['id', 'at', 'user_id', 'username', 'unit', 'client', 'action', 'object', 'result', 'purpose',
    'case_no', 'request_id', 'detail', 'prev_hash'].map((f) => `${r[f]}\x1f`).join('');
  return crypto.createHash('sm3').update(parts, 'utf8').digest('hex');
}

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

function verifyCli() {
  const r = server.cli(['audit', 'verify']);
  return { code: r.code, out: r.output };
}

test('an untouched server verifies OK, from the command line and for the audit administrator', async () => {
  const officer = await loggedIn(server, 'officer');
  expectStatus(await officer.get('/notifications'), 200);
  const v = verifyCli();
  assert.equal(v.code, 0, v.out);
  assert.match(v.out, /audit chain intact: \d+ records; head \d+ [0-9a-f]{64}, anchored up to \d+, keyed from 1/);
  const aud = await loggedIn(server, 'auditadmin');
  const api = expectStatus(await aud.get('/audit/verify'), 200);
  assert.equal(api.ok, true, JSON.stringify(api));
  assert.equal(api.problem, null);
  assert.ok(api.anchored_id > 0 && api.head_id >= api.anchored_id, JSON.stringify(api));
  // The anchor is outside the database, beside it (SQLite) or beside the key file (PostgreSQL), mode 0600.
  const anchor = server.db.sqliteFile ? `${server.db.sqliteFile}.audit-anchor` : `${server.dir}/${server.db.pgName}.audit-anchor`;
  const st = fs.statSync(anchor);
  assert.equal(st.mode & 0o777, 0o600);
  assert.match(fs.readFileSync(anchor, 'utf8'), /^jwa1 from 1 0{64} [0-9a-f]{32}\njwa1 head \d+ [0-9a-f]{64} /);
});

test('a row rewritten with the plain SM3 chain and head recomputed is detected and named', async () => {
  const officer = await loggedIn(server, 'officer');
  for (let i = 0; i < 8; i++) expectStatus(await officer.get('/notifications'), 200);  // records to tamper with
  await server.stop();  // the attacker's snapshot must not race the scheduler's own audited jobs
  const rows = readRows();
  assert.ok(rows.length > 10, `rows: ${rows.length}`);
  const target = rows[rows.length - 6];
  const sql = ['BEGIN;'];
  let prev = null;
  for (const r of rows) {
    if (Number(r.id) < Number(target.id)) continue;
    const forged = { ...r, prev_hash: prev ?? r.prev_hash };
    if (r.id === target.id) forged.object = 'user:1';  // the record now says someone else was read
    forged.hash = plainSm3(forged);
    sql.push(`UPDATE audit_log SET object = ${q(forged.object)}, prev_hash = ${q(forged.prev_hash)}, ` +
      `hash = ${q(forged.hash)}, chain = 1 WHERE id = ${r.id};`);
    prev = forged.hash;
  }
  sql.push(`UPDATE audit_head SET last_hash = ${q(prev)} WHERE singleton = 1;`, 'COMMIT;');
  execSql(server.db, sql.join('\n'));

  const v = verifyCli();
  assert.equal(v.code, 1, v.out);
  assert.match(v.out, new RegExp(`BROKEN at record ${target.id} \\((downgraded|changed)\\)`), v.out);

  // Put the rows back as they were: the chain verifies again, so the failure above was the rewrite.
  const back = ['BEGIN;'];
  for (const r of rows) {
    if (Number(r.id) < Number(target.id)) continue;
    back.push(`UPDATE audit_log SET object = ${q(r.object)}, prev_hash = ${q(r.prev_hash)}, hash = ${q(r.hash)}, ` +
      `chain = ${r.chain} WHERE id = ${r.id};`);
  }
  back.push(`UPDATE audit_head SET last_hash = ${q(rows[rows.length - 1].hash)} WHERE singleton = 1;`, 'COMMIT;');
  execSql(server.db, back.join('\n'));
  const again = verifyCli();
  assert.equal(again.code, 0, again.out);
  await server.start();
});

test('the newest rows deleted and the head moved back is detected as a missing tail', async () => {
  const aud = await loggedIn(server, 'auditadmin');
  expectStatus(await aud.get('/audit?page_size=1'), 200);
  await server.stop();
  const rows = readRows();
  const keep = rows[rows.length - 4];
  const last = rows[rows.length - 1];
  execSql(server.db, `BEGIN; DELETE FROM audit_log WHERE id > ${keep.id}; ` +
    `UPDATE audit_head SET last_id = ${keep.id}, last_hash = ${q(keep.hash)} WHERE singleton = 1; COMMIT;`);
  const v = verifyCli();
  assert.equal(v.code, 1, v.out);
  assert.match(v.out, new RegExp(`BROKEN at record ${Number(keep.id) + 1} \\(truncated\\): records ` +
    `${Number(keep.id) + 1}\\.\\.${last.id} are missing`), v.out);

  // The audit administrator's endpoint says the same (its own login adds records after the cut: still broken).
  await server.start();
  const aud2 = await loggedIn(server, 'auditadmin');
  const api = expectStatus(await aud2.get('/audit/verify'), 200);
  assert.equal(api.ok, false, JSON.stringify(api));
  assert.ok(['truncated', 'changed'].includes(api.problem), JSON.stringify(api));
  assert.ok(api.first_bad_id > Number(keep.id) && api.first_bad_id <= Number(last.id), JSON.stringify(api));
  assert.ok((await fetch(`${server.url}/healthz`)).ok, 'the server is still up');
});
