// A minimal WebSocket client (RFC 6455) over node:net, enough to open /api/v1/ws with a cookie and read
// text frames. Node 20 has no global WebSocket.
import crypto from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Opens a WebSocket. Resolves to {status, headers, nextText(timeoutMs), close()} once the server answered the
 * upgrade; status is the HTTP status of the answer (101 on success; otherwise `body` holds the reply body).
 * `origin` is the Origin header (default: the server's own origin; null sends none).
 */
export function openWebSocket(port, path, { cookie, origin = `http://127.0.0.1:${port}` } = {}) {
  return new Promise((resolve, reject) => {
    const key = crypto.randomBytes(16).toString('base64');
    const sock = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let handshakeDone = false;
    let upgraded = false;
    const frames = [];
    const waiters = [];
    let closed = false;

    const deliver = () => {
      while (frames.length && waiters.length) waiters.shift().resolve(frames.shift());
      if (closed) while (waiters.length) waiters.shift().reject(new Error('connection closed'));
    };

    const parseFrames = () => {
      for (;;) {
        if (buf.length < 2) return;
        const fin = (buf[0] & 0x80) !== 0;
        const opcode = buf[0] & 0x0f;
        const masked = (buf[1] & 0x80) !== 0;
        let len = buf[1] & 0x7f;
        let off = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
        const maskLen = masked ? 4 : 0;
        if (buf.length < off + maskLen + len) return;
        let payload = buf.subarray(off + maskLen, off + maskLen + len);
        if (masked) {
          const mask = buf.subarray(off, off + 4);
          payload = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
        }
        buf = buf.subarray(off + maskLen + len);
        frames.push({ fin, opcode, data: payload });
        deliver();
      }
    };

    sock.on('error', (e) => { if (!handshakeDone) reject(e); closed = true; deliver(); });
    sock.on('close', () => { closed = true; deliver(); if (!handshakeDone) reject(new Error('closed during handshake')); });
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (!handshakeDone) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1').split('\r\n');
        buf = buf.subarray(end + 4);
        const status = Number(head[0].split(' ')[1]);
        const headers = {};
        for (const line of head.slice(1)) {
          const i = line.indexOf(':');
          headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
        }
        handshakeDone = true;
        const ws = {
          status,
          headers,
          expectedAccept: crypto.createHash('sha1').update(key + GUID).digest('base64'),
          body: () => buf.toString('utf8'),
          // Resolves to the next text message (skips pings and other control frames).
          nextText: (timeoutMs = 10_000) => new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no WebSocket message in time')), timeoutMs);
            const take = () => {
              waiters.push({
                resolve: (f) => {
                  if (f.opcode === 0x1) { clearTimeout(timer); res(f.data.toString('utf8')); } else take();
                },
                reject: (e) => { clearTimeout(timer); rej(e); },
              });
              deliver();
            };
            take();
          }),
          close: () => new Promise((res) => {
            if (closed) return res();
            sock.once('close', res);
            // Masked close frame, status 1000.
            const mask = crypto.randomBytes(4);
            const payload = Buffer.from([0x03, 0xe8]).map((b, i) => b ^ mask[i % 4]);
            sock.write(Buffer.concat([Buffer.from([0x88, 0x80 | 2]), mask, Buffer.from(payload)]));
            setTimeout(() => sock.destroy(), 1000).unref();
          }),
        };
        upgraded = status === 101;
        resolve(ws);
        if (upgraded) parseFrames();
        return;
      }
      if (upgraded) parseFrames();
    });

    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
    ];
    if (origin !== null) lines.push(`Origin: ${origin}`);
    if (cookie) lines.push(`Cookie: ${cookie}`);
    sock.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
