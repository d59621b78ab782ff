// Helpers for the HTTP integration tests: start the real `jingwu serve` on a free loopback port against a
// fresh database (SQLite file or a new PostgreSQL database), stop it (SIGTERM) or kill it (SIGKILL), and talk
// to it through a small cookie-jar client that behaves like the web app (session + CSRF cookies).
//
// Environment:
//   JINGWU_BIN      the server binary (default build/release/src/app/jingwu under the repository root)
//   JW_BACKEND      sqlite (default) | postgres
//   JW_TEST_PG_URL  postgresql://user@host:port/db — required for JW_BACKEND=postgres; each test file creates
//                   and uses its own database on that server
//   JW_KEEP_TMP=1   keep the temporary directories (database, logs) after the tests
//   JW_DEMO_TEMPLATE  a demo county made once for the suite run (lib/demo_template.mjs; scripts/node_suite.sh
//                   sets it): each file gets its own copy instead of running `jingwu init --demo` itself
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usable as usableTemplate, copyTemplate } from './demo_template.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..', '..');
export const JINGWU_BIN = process.env.JINGWU_BIN
  ? path.resolve(process.env.JINGWU_BIN)
  : path.join(REPO_ROOT, 'build', 'release', 'src', 'app', 'jingwu');
export const BACKEND = process.env.JW_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

export const DEMO_PASSWORD = 'Jingwu@2026';
export const API = '/api/v1';

const liveChildren = new Set();
process.on('exit', () => {
  for (const child of liveChildren) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// A fresh database URL for this test file: a SQLite file in the temp dir, or a new PostgreSQL database
// (`create`: false when the demo template's copy will create it).
function createDatabase(dir, label, create = true) {
  if (BACKEND === 'sqlite') {
    const file = path.join(dir, 'jingwu.db');
    return { url: `sqlite:${file}`, sqliteFile: file, pgUrl: null, pgName: null };
  }
  const base = process.env.JW_TEST_PG_URL;
  if (!base) throw new Error('JW_BACKEND=postgres needs JW_TEST_PG_URL');
  const name = `jw_it_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now() % 100000}`;
  if (create) execFileSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
  const u = new URL(base);
  u.pathname = `/${name}`;
  return { url: u.toString(), sqliteFile: null, pgUrl: u.toString(), pgName: name };
}

function dropDatabase(db) {
  if (!db.pgName) return;
  spawnSync('psql', [process.env.JW_TEST_PG_URL, '-qc', `DROP DATABASE IF EXISTS ${db.pgName} WITH (FORCE)`],
    { stdio: 'pipe' });
}

// Runs `jingwu <args>` against the server's database; returns {code, stdout, stderr, output}.
function runCli(env, cwd, args, timeoutMs = 300_000) { // a safety net for a hung CLI, not a timing check: suites run side by side
  const r = spawnSync(JINGWU_BIN, args, { env, cwd, encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

/**
 * Creates a temp dir and a database holding the demo county (`jingwu init --demo`, or the suite's copy of it:
 * JW_DEMO_TEMPLATE), and starts `jingwu serve`.
 * Returns a handle: { url, port, dir, webRoot, db, env, cli(args), stop(), kill9(), start(), client(),
 * rawRequest(), cleanup() }.
 */
export async function startServer(label = 'test') {
  if (!fs.existsSync(JINGWU_BIN)) throw new Error(`server binary not found: ${JINGWU_BIN} (build it first)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jw-it-${label}-`));
  const webRoot = path.join(dir, 'web');
  fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>jingwu test shell</title>INDEX-MARKER\n');
  fs.writeFileSync(path.join(webRoot, 'assets', 'app-1234.js'), 'console.log("ASSET-MARKER");\n');
  // Outside the web root: must never be served.
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'OUTSIDE-WEB-ROOT-SECRET\n');

  const env = {
    ...process.env,
    JINGWU_WEB_ROOT: webRoot,
    JINGWU_KEY_FILE: path.join(dir, 'jingwu.key'),
    JINGWU_THREADS: process.env.JINGWU_THREADS || '2',
    // The demo county's synthetic checkpoint passes: 2 days keep `init --demo` quick; a test may ask for more.
    JINGWU_DEMO_PASS_DAYS: process.env.JINGWU_DEMO_PASS_DAYS || '2',
    // The demo SMS gateway's stand-in for the recipients' phones (whole texts; the log only has them masked).
    JINGWU_DEMO_SMS_FILE: path.join(dir, 'demo-sms.txt'),
    // `jingwu serve` refuses root unless allowed; CI runs the tests as root in a throw-away container.
    JINGWU_ALLOW_ROOT: '1',
  };
  delete env.JINGWU_LISTEN;
  const template = usableTemplate(env);
  const db = createDatabase(dir, label, !template);
  env.JINGWU_DB = db.url;

  const discard = () => {
    dropDatabase(db);
    if (process.env.JW_KEEP_TMP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  };
  let init;
  try {
    if (template) copyTemplate(template, env, dir);
    else init = runCli(env, dir, ['init', '--demo']);
  } catch (e) {
    discard();
    throw e;
  }
  if (init && init.code !== 0) {
    discard();
    throw new Error(`jingwu init --demo failed (${init.code}):\n${init.output}`);
  }

  const server = {
    dir, webRoot, db, env, port: 0, url: '', proc: null, exit: null, logFile: path.join(dir, 'server.log'),
    cli: (args) => runCli(env, dir, args),
    client: () => new Client(server.url),
    rawRequest: (method, rawPath, opts) => rawRequest(server.port, method, rawPath, opts),
    log: () => (fs.existsSync(server.logFile) ? fs.readFileSync(server.logFile, 'utf8') : ''),
    // The SMS texts the demo gateway "delivered" (JINGWU_DEMO_SMS_FILE), whole.
    sms: () => (fs.existsSync(env.JINGWU_DEMO_SMS_FILE) ? fs.readFileSync(env.JINGWU_DEMO_SMS_FILE, 'utf8') : ''),
  };

  // Starts (or restarts) `jingwu serve` on a free port and waits until /readyz answers 200.
  // `launcher`: a command the server runs under, e.g. ['prlimit', '--nofile=256:256']; kept for later restarts.
  server.start = async ({ launcher } = {}) => {
    if (launcher) server.launcher = launcher;
    const port = await freePort();
    const log = fs.openSync(server.logFile, 'a');
    const argv = [...(server.launcher || []), JINGWU_BIN, 'serve', '--listen', `127.0.0.1:${port}`];
    const proc = spawn(argv[0], argv.slice(1), {
      env, cwd: dir, stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    liveChildren.add(proc);
    server.proc = proc;
    server.port = port;
    server.url = `http://127.0.0.1:${port}`;
    server.exit = new Promise((resolve) => {
      proc.on('exit', (code, signal) => { liveChildren.delete(proc); resolve({ code, signal }); });
    });
    let exited = null;
    server.exit.then((e) => { exited = e; });
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`jingwu serve exited early (${JSON.stringify(exited)}):\n${server.log().slice(-4000)}`);
      try {
        const r = await fetch(`${server.url}/readyz`);
        await r.arrayBuffer();
        if (r.status === 200) return server;
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    proc.kill('SIGKILL');
    throw new Error(`jingwu serve did not become ready:\n${server.log().slice(-4000)}`);
  };

  // SIGTERM; resolves to {code, signal} of the exit.
  server.stop = async () => {
    if (!server.proc || server.proc.exitCode !== null || server.proc.signalCode !== null) return server.exit;
    server.proc.kill('SIGTERM');
    const timer = setTimeout(() => server.proc.kill('SIGKILL'), 30_000);
    const e = await server.exit;
    clearTimeout(timer);
    return e;
  };

  server.kill9 = async () => {
    if (server.proc && server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
    return server.exit;
  };

  server.cleanup = async () => {
    await server.kill9();
    discard();
  };

  try {
    await server.start();
  } catch (e) {
    await server.cleanup();
    throw e;
  }
  return server;
}

// Runs an SQL statement directly against the server's database (sqlite3 CLI or psql).
export function execSql(db, sql) {
  // A busy timeout: the running server's writer may hold the database for a moment.
  if (db.sqliteFile) return execFileSync('sqlite3', ['-cmd', '.timeout 10000', db.sqliteFile, sql], { encoding: 'utf8' });
  return execFileSync('psql', [db.pgUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
}

// An HTTP request with the path sent exactly as given (fetch would normalise `../` and `%2e%2e`), on a
// connection of its own from the loopback address `from` (127.0.0.2… stand for other hosts).
export function rawRequest(port, method, rawPath, { headers = {}, body, from } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers, localAddress: from,
      agent: from ? false : undefined }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// A browser-like client: keeps cookies (jw_session, jw_csrf), echoes jw_csrf in X-CSRF-Token.
export class Client {
  constructor(baseUrl) {
    this.base = baseUrl;
    this.cookies = new Map();
  }

  cookie(name) { return this.cookies.get(name); }
  setCookie(name, value) { this.cookies.set(name, value); }

  absorb(headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * request(method, path, {json, body, headers, csrf}) → {status, json, text, headers, bytes}
   *   json: a value sent as JSON; body: a raw string sent as application/json; csrf:false omits X-CSRF-Token.
   *   Paths not starting with /api, /healthz, /readyz, /metrics are taken relative to /api/v1.
   */
  async request(method, p, { json, body, headers = {}, csrf = true } = {}) {
    const url = this.base + (/^\/(api|healthz|readyz|metrics)/.test(p) ? p : API + p);
    const h = { ...headers };
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf && STATE_CHANGING.has(method) && this.cookies.has('jw_csrf') && !('X-CSRF-Token' in h)) {
      h['X-CSRF-Token'] = this.cookies.get('jw_csrf');
    }
    let payload;
    if (json !== undefined) payload = JSON.stringify(json);
    else if (body !== undefined) payload = body;
    if (payload !== undefined && !('Content-Type' in h)) h['Content-Type'] = 'application/json';
    const res = await fetch(url, { method, headers: h, body: payload, redirect: 'manual' });
    this.absorb(res.headers);
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed = null;
    if ((res.headers.get('content-type') || '').includes('json') && text.length) {
      try { parsed = JSON.parse(text); } catch { parsed = null; }
    }
    return { status: res.status, json: parsed, text, bytes, headers: res.headers };
  }

  get(p, opts) { return this.request('GET', p, opts); }
  post(p, json, opts = {}) { return this.request('POST', p, { json, ...opts }); }
  put(p, json, opts = {}) { return this.request('PUT', p, { json, ...opts }); }
  del(p, json, opts = {}) { return this.request('DELETE', p, { json, ...opts }); }

  login(username, password = DEMO_PASSWORD, extra = {}) {
    return this.post('/session', { username, password, ...extra });
  }
}

// Logs a fresh client in and fails loudly when that does not work.
export async function loggedIn(server, username, password = DEMO_PASSWORD) {
  const c = server.client();
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} → ${r.status} ${r.text}`);
  return c;
}

// Looks a user up by exact username through GET /users (as a client allowed user.read).
export async function findUser(client, username) {
  const r = await client.get(`/users?q=${encodeURIComponent(username)}&page_size=200`);
  if (r.status !== 200) throw new Error(`GET /users?q=${username} → ${r.status} ${r.text}`);
  return r.json.items.find((u) => u.username === username) || null;
}
