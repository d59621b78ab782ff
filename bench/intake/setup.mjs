// What the intake benchmark and the browser test need from the JSON API before posting passes: demo users
// logged in (cookie + CSRF like the web app: tests/integration/lib/server.mjs's Client), the demo county's
// checkpoints with their capture devices, unit ids, and approved watch orders (the `officer` applies, the
// `leader` approves: an applicant cannot approve their own order).
import { Client, DEMO_PASSWORD } from '../../tests/integration/lib/server.mjs';

export { DEMO_PASSWORD };

export async function login(baseUrl, username, password = DEMO_PASSWORD) {
  const c = new Client(baseUrl);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} → ${r.status} ${r.text.slice(0, 300)}`);
  return c;
}

function must(r, what, status = 200) {
  const ok = Array.isArray(status) ? status.includes(r.status) : r.status === status;
  if (!ok) throw new Error(`${what} → ${r.status} ${r.text.slice(0, 400)}`);
  return r.json;
}

// The id of the unit named `name` (GET /api/v1/alerts/units: every unit an alert can go to).
export async function unitId(client, name) {
  const items = must(await client.get('/alerts/units'), 'GET /alerts/units').items;
  const u = items.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name} in ${items.map((x) => x.name).join(', ')}`);
  return u.id;
}

// The registered checkpoints (GET /api/v1/checkpoint/map) with the id of a capture device (APE) of each
// (GET /api/v1/checkpoint/devices?kind=ape); a checkpoint without a known APE posts its own id as DeviceID.
export async function checkpoints(client) {
  const map = must(await client.get('/checkpoint/map'), 'GET /checkpoint/map');
  const list = Array.isArray(map) ? map : (map.checkpoints ?? map.items ?? []);
  const apes = new Map();
  for (let page = 1; page <= 20; page += 1) {
    const r = await client.get(`/checkpoint/devices?kind=ape&page=${page}&page_size=200`);
    if (r.status !== 200) break;
    const items = r.json?.items ?? [];
    for (const d of items) if (d.tollgate_id && !apes.has(d.tollgate_id)) apes.set(d.tollgate_id, d.id);
    if (items.length < 200) break;
  }
  return list.map((c) => ({
    tollgateId: c.id, apeId: apes.get(c.id) ?? c.id, name: c.name, longitude: c.longitude, latitude: c.latitude,
  }));
}

/**
 * Creates a watch order for each plate as `applicant` and approves it as `approver`:
 * POST /api/v1/checkpoint/watch-orders, then POST …/:id/approve. Returns the orders' ids.
 *   opts: {caseNo, reason, colour, priority, unitIds, hours}
 */
export async function approvedWatchOrders(applicant, approver, plates, opts) {
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const now = Date.now();
  const ids = [];
  for (const plate of plates) {
    const body = {
      target_kind: 'plate',
      target: plate,
      reason: opts.reason ?? '涉案车辆布控（性能测试）',
      case_no: opts.caseNo,
      colour: opts.colour ?? 'red',
      priority: opts.priority ?? 1,
      valid_from: iso(now - 3600_000),
      valid_to: iso(now + (opts.hours ?? 24) * 3600_000),
      unit_ids: opts.unitIds.map(String),
    };
    const created = must(await applicant.post('/checkpoint/watch-orders', body), `create watch order ${plate}`, [200, 201]);
    const id = created.id ?? created.order?.id;
    must(await approver.post(`/checkpoint/watch-orders/${id}/approve`, { reason: '同意布控', version: created.version }),
      `approve watch order ${id}`);
    ids.push(id);
  }
  return ids;
}
