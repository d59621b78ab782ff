// A GA/T 1400 (VIID) client for the tests: HTTP Digest registration (RFC 7616 with MD5 and qop=auth, computed
// here with node:crypto), the session token Register returns (X-VIID-Session, ADR 0016) sent on every later
// call, and a chosen loopback source address (127.0.0.x: Linux routes all of 127/8 to lo, so `from` makes the
// server see another peer). Replies are {status, headers, text, json}; `headers` is a plain object with
// lower-case names (node:http), json is null when the body is not JSON.
import crypto from 'node:crypto';
import { rawRequest } from './server.mjs';

export const VIID = 'application/VIID+JSON';
export const REGISTER = '/VIID/System/Register';
const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

// One request from `from`; a string body is sent as it is (broken JSON on purpose), anything else as JSON.
export function send(server, method, path, { headers = {}, body, from = '127.0.0.1' } = {}) {
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const h = { 'Content-Type': VIID, ...headers };
  if (payload) h['Content-Length'] = payload.length;
  return rawRequest(server.port, method, path, { headers: h, body: payload, from });
}

// The parameters of a WWW-Authenticate: Digest header, by lower-case name.
export function parseChallenge(header) {
  const out = {};
  for (const m of String(header || '').replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3];
  }
  return out;
}

// The Authorization header answering `challenge` for a POST to REGISTER.
export function authorization(id, password, challenge, { nc = 1, cnonce = crypto.randomBytes(8).toString('hex') } = {}) {
  const ncHex = nc.toString(16).padStart(8, '0');
  const response = md5(`${md5(`${id}:${challenge.realm}:${password}`)}:${challenge.nonce}:${ncHex}:${cnonce}:auth:` +
    md5(`POST:${REGISTER}`));
  return `Digest username="${id}", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="${REGISTER}", ` +
    `qop=auth, nc=${ncHex}, cnonce="${cnonce}", response="${response}", opaque="${challenge.opaque}", algorithm=MD5`;
}

export const registerBody = (id) => ({ RegisterObject: { DeviceID: id } });

// A fresh challenge for `id` from `from`; throws unless the server answers 401 with one.
export async function challengeFor(server, id, from = '127.0.0.1') {
  const first = await send(server, 'POST', REGISTER, { body: registerBody(id), from });
  if (first.status !== 401) throw new Error(`expected a 401 challenge, got ${first.status} ${first.text}`);
  return parseChallenge(first.headers['www-authenticate']);
}

// Challenge, then answer; returns {reply, auth, token} (token: X-VIID-Session of a 200).
export async function register(server, id, password, from = '127.0.0.1') {
  const auth = authorization(id, password, await challengeFor(server, id, from));
  const reply = await send(server, 'POST', REGISTER, { headers: { Authorization: auth }, body: registerBody(id), from });
  return { reply, auth, token: reply.headers['x-viid-session'] };
}

// A call as a registered client (User-Identify plus, when given, the session token).
export function call(server, method, path, id, token, { body, from = '127.0.0.1' } = {}) {
  const headers = { 'User-Identify': id };
  if (token) headers['X-VIID-Session'] = token;
  return send(server, method, path, { headers, body, from });
}

// A client that remembers the session token of its last successful Register: register() → the reply,
// call(method, path, body) → the reply.
export function viidClient(server, id, password) {
  const client = {
    id,
    token: undefined,
    async register(pw = password) {
      const { reply, token } = await register(server, id, pw);
      if (reply.status === 200) client.token = token;
      return reply;
    },
    call: (method, path, body) => call(server, method, path, id, client.token, { body }),
  };
  return client;
}
