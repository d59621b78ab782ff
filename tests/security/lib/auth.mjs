// Helpers of the auth security tests: an independent RFC 6238 TOTP, the comparable part of an error reply,
// and direct reads of the identity tables (through the integration harness's execSql).
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { execSql } from '../../integration/lib/server.mjs';

// execSql with a busy timeout for SQLite: the running server's writer may hold the database for a moment.
export function sql(server, text) {
  if (server.db.sqliteFile) {
    return execFileSync('sqlite3', ['-cmd', '.timeout 10000', server.db.sqliteFile, text], { encoding: 'utf8' });
  }
  return execSql(server.db, text);
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

// RFC 6238 with HMAC-SHA1, 6 digits, 30-second steps.
export function totp(secretBase32, atSeconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atSeconds / 30)));
  const mac = crypto.createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(bin).padStart(6, '0');
}

// What an observer can compare between two refusals (the request id differs by design).
export function answer(res) {
  return { status: res.status, code: res.json?.code, message: res.json?.message, fields: res.json?.fields };
}

// One integer column of one user, read straight from the database.
export function userInt(server, username, column) {
  return Number(sql(server, `SELECT ${column} FROM users WHERE username = '${username}'`).trim());
}

// Moves a user's password history `days` into the past, as if the last change were that long ago.
export function agePasswords(server, username, days) {
  const s = days * 86400;
  sql(server, `UPDATE password_history SET changed_at = changed_at - ${s} WHERE user_id = `
    + `(SELECT id FROM users WHERE username = '${username}')`);
  sql(server, `UPDATE users SET password_changed_at = password_changed_at - ${s} WHERE username = '${username}'`);
}
