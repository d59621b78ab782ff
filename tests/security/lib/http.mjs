// Helpers for tests/security/http.test.mjs: (re)start the harness's server under a file-descriptor limit
// (`prlimit --nofile=N:N`), raw HTTP over a socket (for requests node's http client refuses to send), idle
// connections, the server's resident memory, and one metric's value.
import fs from 'node:fs';
import net from 'node:net';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Stops `server` (a handle from startServer) and starts `jingwu serve` again under `prlimit --nofile=N:N`;
// later restarts (kill9 + start) keep the limit.
export async function restartLimited(server, nofile) {
  await server.stop();
  return server.start({ launcher: ['prlimit', `--nofile=${nofile}:${nofile}`] });
}

// Sends `text` as is on a new connection; resolves to {status, headers (lower-case names → array of values),
// head, body, raw} of the first reply, or {status: 0, error} when the connection ended without one.
// `after(sock)` runs once the text is written (e.g. to keep sending); the socket is closed after the reply.
export function rawHttp(port, text, { timeoutMs = 15_000, after } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ status: 0, error: 'timeout', raw: buf.toString('latin1') }), timeoutMs);
    const tryParse = (final) => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return final ? finish({ status: 0, error: 'no reply', raw: buf.toString('latin1') }) : undefined;
      const head = buf.subarray(0, end).toString('latin1');
      const lines = head.split('\r\n');
      const headers = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim().toLowerCase();
        (headers[k] ||= []).push(line.slice(i + 1).trim());
      }
      const len = Number(headers['content-length']?.[0] ?? NaN);
      const body = buf.subarray(end + 4);
      if (!final && Number.isFinite(len) && body.length < len) return undefined;
      if (!final && !Number.isFinite(len)) return undefined;
      const text = body.toString('utf8');
      let json = null;
      try { json = JSON.parse(text); } catch { /* not JSON */ }
      return finish({ status: Number(lines[0].split(' ')[1]), headers, head, body: text, json, raw: buf.toString('latin1') });
    };
    sock.on('data', (c) => { buf = Buffer.concat([buf, c]); tryParse(false); });
    sock.on('end', () => tryParse(true));
    sock.on('close', () => tryParse(true));
    sock.on('error', (e) => { if (!done) { tryParse(true); finish({ status: 0, error: e.code || String(e) }); } });
    sock.on('connect', () => {
      sock.write(text);
      if (after) after(sock);
    });
  });
}

// Opens n TCP connections that send nothing; resolves to the sockets once all are connected (from the
// client's side: the kernel completes the handshake from the listen backlog even when the server does not
// accept).
export async function openIdle(port, n) {
  const socks = [];
  for (let i = 0; i < n; ++i) {
    socks.push(await new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => { /* a shed connection is reset; expected */ });
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    }));
  }
  return socks;
}

// Resident memory of a process in bytes (VmRSS).
export function rssBytes(pid) {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(m[1]) * 1024;
}

// The jingwu serve process's pid (under prlimit, the child replaces prlimit via exec: same pid).
export const serverPid = (server) => server.proc.pid;

// One sample's value from /metrics (name with labels exactly as written), or null when absent.
export async function metric(server, name) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `)) return Number(line.slice(name.length + 1));
  }
  return null;
}
