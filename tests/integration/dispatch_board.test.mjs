// The duty desk's live board with 200 open calls (issue 18, ADR 0063), through the real server: the desk's open
// WebSocket hears every change (a "dispatch_board" push, stored read: no line in the bell), 200 calls taken in a
// burst all show on the board, the push after the last one leads to a board that holds it, and a patrol unit's own
// status change from the phone reaches the board the same way. The figures (intake rate, board answer time, how
// many pushes for how many changes) are printed for the report; nothing here asserts a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';
import { openWebSocket } from './lib/websocket.mjs';

let server, duty, patrol, ws;
const pushes = [];
let reading = true;

before(async () => {
  server = await startServer('dispatch-board');
  [duty, patrol] = await Promise.all(['duty', 'patrol'].map((u) => loggedIn(server, u)));
  ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${duty.cookie('jw_session')}` });
  assert.equal(ws.status, 101);
  assert.equal(JSON.parse(await ws.nextText(120_000)).type, 'hello');
  // Collects the board's pushes in the background for the tests below.
  void (async () => {
    while (reading) {
      let text;
      try { text = await ws.nextText(600_000); } catch { return; }
      const m = JSON.parse(text);
      if (m.type === 'notification' && m.data.kind === 'dispatch_board') pushes.push({ at: Date.now(), ...m.data });
    }
  })();
});
after(async () => {
  reading = false;
  await ws?.close();
  await server?.cleanup();
});

// Waits for a condition, never for a fixed time: the suite's timeout bounds it.
async function waitFor(fn) {
  for (;;) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const backend = process.env.JW_BACKEND || 'sqlite';

test('200 calls taken in a burst all reach the board, and the pushes keep up', async () => {
  const before = expectStatus(await duty.get('/dispatch/board'), 200);
  const ids = [];
  const sentAt = new Map();
  const intakeMs = [];
  const started = Date.now();
  // Ten desks at once, twenty calls each.
  await Promise.all(Array.from({ length: 10 }, async (_, desk) => {
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      const sent = Date.now();
      const k = expectStatus(await duty.post('/dispatch/calls', {
        caller_phone: `1390000${String(desk * 100 + i).padStart(4, '0')}`, caller_name: '韦志强',
        summary: `负载测试警情 ${desk}-${i}`, place_text: `城关镇解放路${desk * 20 + i + 1}号`, category: '0201',
      }), 201);
      intakeMs.push(performance.now() - t0);
      ids.push(k.id);
      sentAt.set(k.id, sent);
    }
  }));
  const burstMs = Date.now() - started;
  const lastTaken = Date.now();
  assert.equal(ids.length, 200);

  // The last change reaches the desk: one writer commits in id order, and each change replaces the desk's waiting
  // signal, so the push of the last call (or of a later change — the demo's escalation job — that replaced it)
  // comes. The board read after it holds all 200 (newest first, up to 500 shown).
  const lastId = Math.max(...ids);
  // (A later change was committed after the last call's request was sent, so its push cannot come before that.)
  const lastPush = await waitFor(() => pushes.find((p) => p.params?.what === 'call' && (p.params.id === String(lastId) ||
    (!ids.includes(Number(p.params.id)) && p.at >= sentAt.get(lastId)))));
  const boardMs = [];
  let board;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    board = expectStatus(await duty.get('/dispatch/board'), 200);
    boardMs.push(performance.now() - t0);
  }
  const shown = new Set(board.calls.map((c) => c.id));
  assert.deepEqual(ids.filter((id) => !shown.has(id)), [], 'every new call is on the board');
  assert.equal(board.total, before.total + 200);
  assert.equal(board.counts.received, before.counts.received + 200);
  for (const c of board.calls.filter((x) => ids.includes(x.id))) {
    assert.equal(c.caller_phone, undefined, 'the board names no caller, not even masked');
    assert.ok(c.dispatch_due_at > c.received_at && c.arrival_due_at >= c.dispatch_due_at, 'targets from the category');
    assert.ok(board.categories[c.category]?.zh, 'each category shown is named once, by code');
  }
  for (const p of board.patrols) assert.ok(board.units[p.unit_id], 'each unit of a patrol is named once, by id');
  const bytes = JSON.stringify(board).length;
  // The bell never counts the board's pushes.
  const unread = expectStatus(await duty.get('/notifications?unread=1'), 200);
  assert.equal(unread.items.filter((n) => n.kind === 'dispatch_board').length, 0);

  console.log(`# [${backend}] 200 calls by 10 desks at once: ${burstMs} ms (${(200000 / burstMs).toFixed(0)} calls/s), ` +
    `intake p50 ${pct(intakeMs, 0.5).toFixed(0)} ms p95 ${pct(intakeMs, 0.95).toFixed(0)} ms`);
  console.log(`# [${backend}] board with ${board.total} open calls (${board.calls.length} shown, ${board.patrols.length} units, ` +
    `${(bytes / 1024).toFixed(0)} KiB): GET p50 ${pct(boardMs, 0.5).toFixed(0)} ms, max ${Math.max(...boardMs).toFixed(0)} ms`);
  console.log(`# [${backend}] pushes to the desk during the burst: ${pushes.length} for 200 changes ` +
    `(each replaces the desk's earlier one); the last change's push ${lastPush.at - lastTaken} ms after its answer`);
});

test('a patrol unit sets its own status from the phone and the desk hears it', async () => {
  const mine = expectStatus(await patrol.get('/dispatch/my-patrol'), 200);
  assert.equal(mine.call, null);
  const next = mine.patrol.status === 'busy' ? 'available' : 'busy';
  const t0 = Date.now();
  const p = expectStatus(await patrol.post(`/dispatch/patrols/${mine.patrol.id}/status`,
    { status: next, latitude: 30.612, longitude: 104.071 }), 200);
  assert.equal(p.status, next);
  assert.equal(p.latitude, 30.612);
  const push = await waitFor(() => pushes.find((x) => x.at >= t0 && x.params?.what === 'patrol' &&
    x.params?.id === String(mine.patrol.id)));
  assert.equal(push.params.state, next);
  const board = expectStatus(await duty.get('/dispatch/board'), 200);
  const shown = board.patrols.find((x) => x.id === mine.patrol.id);
  assert.equal(shown.status, next);
  assert.equal(shown.longitude, 104.071);
  console.log(`# [${backend}] unit status → desk push in ${push.at - t0} ms`);
  // Another officer's unit is not this officer's to set; the desk leads no unit.
  const other = board.patrols.find((x) => x.unit_id !== mine.patrol.unit_id);
  assert.ok(other);
  expectStatus(await patrol.post(`/dispatch/patrols/${other.id}/status`, { status: 'busy' }), 404);
  expectStatus(await duty.get('/dispatch/my-patrol'), 404);
});
