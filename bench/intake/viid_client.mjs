// A small GA/T 1400 (视图库, VIID) client for the intake benchmark and the browser test: HTTP Digest
// registration (RFC 7616, MD5, qop=auth) at /VIID/System/Register, then calls carrying `User-Identify: <id>`
// (GA/T 1400 as in STANDARDS.md) and the session token Register returned in `X-VIID-Session`
// (docs/adr/0016-viid-session-security.md), over keep-alive loopback connections (node:http, no npm package).
//
//   const v = new ViidClient(baseUrl, { id, password, connections })
//   await v.register()                         → throws with the server's answer when refused
//   await v.postMotorVehicles(objects)         → { status, ms, json, accepted, rejected, codes }
//   await v.postTollgates(objects), v.keepalive(), v.unregister()
import crypto from 'node:crypto';
import http from 'node:http';

export const VIID_CONTENT_TYPE = 'application/VIID+JSON';

const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

// Parses `Digest realm="x", nonce="y", qop="auth"` into {realm, nonce, qop, opaque, algorithm}.
export function parseDigestChallenge(header) {
  const h = String(header || '');
  if (!/^\s*Digest\s/i.test(h)) throw new Error(`not a Digest challenge: ${h}`);
  const out = {};
  const re = /([a-zA-Z]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g;
  let m;
  while ((m = re.exec(h.replace(/^\s*Digest\s+/i, ''))) !== null) out[m[1].toLowerCase()] = m[2] ?? m[3];
  return out;
}

// The Authorization header answering a challenge (RFC 7616 §3.4, MD5, qop=auth).
export function digestAuthorization({ username, password, method, uri, challenge, nc = 1, cnonce }) {
  const cn = cnonce || crypto.randomBytes(8).toString('hex');
  const ncHex = nc.toString(16).padStart(8, '0');
  const ha1 = md5(`${username}:${challenge.realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = (challenge.qop || '').split(',').map((q) => q.trim()).includes('auth') ? 'auth' : '';
  const response = qop
    ? md5(`${ha1}:${challenge.nonce}:${ncHex}:${cn}:${qop}:${ha2}`)
    : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${username}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`,
    'algorithm=MD5', `response="${response}"`,
  ];
  if (qop) parts.push(`qop=${qop}`, `nc=${ncHex}`, `cnonce="${cn}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

export class ViidClient {
  constructor(baseUrl, { id, password, connections = 4 } = {}) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port || 80);
    this.id = id;
    this.password = password;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  // One request; resolves to {status, headers, text, json, ms} (ms: from send to the end of the reply).
  request(method, path, { body, headers = {} } = {}) {
    return new Promise((resolve, reject) => {
      const h = { 'Content-Type': VIID_CONTENT_TYPE, ...headers };
      if (this.id && !('User-Identify' in h)) h['User-Identify'] = this.id;
      if (this.session && !('X-VIID-Session' in h)) h['X-VIID-Session'] = this.session;
      const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      if (payload) h['Content-Length'] = payload.length;
      const t0 = process.hrtime.bigint();
      const req = http.request({ host: this.host, port: this.port, method, path, headers: h, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try { json = JSON.parse(text); } catch { /* not JSON */ }
          resolve({ status: res.statusCode, headers: res.headers, text, json, ms });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  // Registers with Digest: a first POST is answered 401 with the challenge, the second carries the answer.
  async register() {
    const path = '/VIID/System/Register';
    const body = { RegisterObject: { DeviceID: this.id } };
    this.session = undefined;
    const first = await this.request('POST', path, { body });
    if (first.status !== 401 || !first.headers['www-authenticate']) {
      throw new Error(`VIID register: expected 401 with a Digest challenge, got ${first.status} ${first.text.slice(0, 300)}`);
    }
    const challenge = parseDigestChallenge(first.headers['www-authenticate']);
    const auth = digestAuthorization({ username: this.id, password: this.password, method: 'POST', uri: path, challenge });
    const second = await this.request('POST', path, { body, headers: { Authorization: auth } });
    const code = second.json?.ResponseStatusObject?.StatusCode;
    if (second.status !== 200 || (code !== undefined && String(code) !== '0')) {
      throw new Error(`VIID register refused: ${second.status} ${second.text.slice(0, 300)}`);
    }
    this.session = second.headers['x-viid-session'];
    if (!this.session) throw new Error('VIID register: no X-VIID-Session in the reply');
    return second;
  }

  keepalive() { return this.request('POST', '/VIID/System/Keepalive', { body: { KeepaliveObject: { DeviceID: this.id } } }); }

  unregister() { return this.request('POST', '/VIID/System/UnRegister', { body: { UnRegisterObject: { DeviceID: this.id } } }); }

  postTollgates(objects) {
    return this.request('POST', '/VIID/Tollgates', { body: { TollgateListObject: { TollgateObject: objects } } });
  }

  // Posts a MotorVehicleListObject (objects, or a prepared JSON string) and counts the per-object answers.
  async postMotorVehicles(objectsOrBody) {
    const body = typeof objectsOrBody === 'string'
      ? objectsOrBody
      : JSON.stringify({ MotorVehicleListObject: { MotorVehicleObject: objectsOrBody } });
    const r = await this.request('POST', '/VIID/MotorVehicles', { body });
    return { ...r, ...countStatuses(r.json) };
  }

  close() { this.agent.destroy(); }
}

// Counts a ResponseStatusListObject's (or a single ResponseStatusObject's) StatusCodes: accepted = code 0.
export function countStatuses(json) {
  const list = json?.ResponseStatusListObject?.ResponseStatusObject
    ?? (json?.ResponseStatusObject ? [json.ResponseStatusObject] : []);
  const items = Array.isArray(list) ? list : [list];
  const codes = {};
  let accepted = 0;
  for (const s of items) {
    const code = String(s?.StatusCode ?? '?');
    codes[code] = (codes[code] || 0) + 1;
    if (code === '0') accepted += 1;
  }
  return { accepted, rejected: items.length - accepted, codes, firstError: items.find((s) => String(s?.StatusCode) !== '0') };
}
