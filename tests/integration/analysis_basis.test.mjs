// What an analysis stands on (issue 13): purpose "核查" and case number "abcd" are refused before anything runs,
// in Chinese, naming the field; a well-formed number must be a case the user may see; a range in the future is
// refused, not answered with nothing; an exception approved by a leader (audited at each step) is a basis for the
// requester; a saved trajectory opened later is checked again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let analyst;
let leader;
let caseNo;
const zh = { 'Accept-Language': 'zh-CN' };
const hdr = (c, p = '侦查盗窃案件') => ({ ...zh, 'X-Purpose': encodeURIComponent(p), 'X-Case-No': c });
const chinaTime = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const traj = (from, to) => ({ kind: 'trajectory', params: { plate: '川A12345', from, to } });
const yesterday = () => traj(chinaTime(Date.now() - 86400_000), chinaTime(Date.now() - 3600_000));

before(async () => {
  server = await startServer('analysisbasis');
  analyst = await loggedIn(server, 'analyst');
  leader = await loggedIn(server, 'leader');
  caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  assert.ok(caseNo);
});
after(async () => { await server?.cleanup(); });

test('"核查" with "abcd" is refused in Chinese naming both fields; nothing runs', async () => {
  const n = execSql(server.db, 'SELECT COUNT(*) FROM analysis_tasks').trim();
  const body = expectError(await analyst.post('/checkpoint/analyses', yesterday(), { headers: hdr('abcd', '核查') }),
    400, 'invalid_argument', { purpose: 'too_short', case_no: 'bad_format' });
  assert.match(body.message, /[\u4e00-\u9fff]/);
  assert.equal(execSql(server.db, 'SELECT COUNT(*) FROM analysis_tasks').trim(), n);
});

test('a well-formed number that is no case is refused in Chinese; the words are not the code', async () => {
  const body = expectError(await analyst.post('/checkpoint/analyses', yesterday(),
    { headers: hdr('5199012026XS99999') }), 400, 'invalid_argument', { case_no: 'unknown_case' });
  assert.match(body.message, /案件编号不存在/);
  assert.ok(!body.message.includes('unknown_case'), body.message);
});

test('a range in the future, or ending beyond now, is refused naming the field', async () => {
  const now = Date.now();
  expectError(await analyst.post('/checkpoint/analyses', traj(chinaTime(now + 86400_000), chinaTime(now + 2 * 86400_000)),
    { headers: hdr(caseNo) }), 400, 'invalid_argument', { from: 'in_future', to: 'in_future' });
  const body = expectError(await analyst.post('/checkpoint/analyses', traj(chinaTime(now - 3600_000), chinaTime(now + 86400_000)),
    { headers: hdr(caseNo) }), 400, 'invalid_argument', { to: 'in_future' });
  assert.match(body.message, /不能晚于当前时间/);
  // Both problems at once when both are wrong.
  expectError(await analyst.post('/checkpoint/analyses', traj(chinaTime(now + 86400_000), chinaTime(now + 2 * 86400_000)),
    { headers: hdr('5199012026XS99999') }), 400, 'invalid_argument', { case_no: 'unknown_case', to: 'in_future' });
  expectStatus(await analyst.post('/checkpoint/analyses', yesterday(), { headers: hdr(caseNo) }), 201);
});

test('an exception request approved by the leader is a basis; each step is audited', async () => {
  const num = '5199012026XS99990';
  const x = expectStatus(await analyst.post('/checkpoint/analyses/exceptions', { case_no: num, reason: '外省协查函，案件尚未移交' }), 201);
  assert.equal(x.status, 'pending');
  const pending = expectStatus(await leader.get('/checkpoint/analyses/exceptions?status=pending'), 200);
  assert.equal(pending.can_decide, true);
  assert.ok(pending.items.some((i) => i.id === x.id && i.reason === '外省协查函，案件尚未移交' && i.username === 'analyst'));
  expectError(await leader.post(`/checkpoint/analyses/exceptions/${x.id}/reject`, {}), 400, 'invalid_argument', { note: 'required' });
  const ok = expectStatus(await leader.post(`/checkpoint/analyses/exceptions/${x.id}/approve`, { note: '同意' }), 200);
  assert.equal(ok.status, 'approved');
  assert.ok(ok.valid_until);
  const mine = expectStatus(await analyst.get('/checkpoint/analyses/exceptions'), 200);
  assert.equal(mine.can_decide, false);
  assert.equal(mine.items[0].status, 'approved');
  const r = expectStatus(await analyst.post('/checkpoint/analyses', yesterday(), { headers: hdr(num) }), 201);
  assert.equal(r.status, 'done');
  const audit = execSql(server.db, `SELECT action || '|' || username FROM audit_log WHERE object = 'analysis_exception:${x.id}' `
    + "AND result = 'ok' ORDER BY id").trim().split('\n');
  assert.deepEqual(audit, ['analysis.exception_request|analyst', 'analysis.exception_approve|leader']);
});

test('a saved trajectory is opened again only while its case is one the reader may see', async () => {
  const r = expectStatus(await analyst.post('/checkpoint/analyses', yesterday(), { headers: hdr(caseNo) }), 201);
  expectStatus(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/save`, { case_no: caseNo, note: '轨迹' }), 201);
  const saved = expectStatus(await analyst.get('/checkpoint/analyses', { headers: hdr(caseNo) }), 200);
  assert.ok(saved.items.some((i) => i.id === r.task_id && i.purpose === '侦查盗窃案件'));
  expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${r.task_id}`), 200);
  // The case leaves the analyst's reach (here: the number changes, as if the case were withdrawn): the saved
  // result and the owner's own task are no longer readable.
  execSql(server.db, `UPDATE cases SET case_no = case_no || 'X' WHERE case_no = '${caseNo}'`);
  expectError(await analyst.get(`/checkpoint/analyses/tasks/${r.task_id}`), 404, 'not_found');
  execSql(server.db, `UPDATE cases SET case_no = '${caseNo}' WHERE case_no = '${caseNo}X'`);
  expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${r.task_id}`), 200);
});
