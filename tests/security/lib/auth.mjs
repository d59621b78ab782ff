// Helpers of the auth security tests: the harness's RFC 6238 TOTP, the comparable part of an error reply,
// and direct reads of the identity tables (through the integration harness's execSql).
import { execSql } from '../../integration/lib/server.mjs';
export { totp } from '../../integration/lib/totp.mjs';

// Kept as a name of its own for the auth tests; execSql waits for the server's writer.
export function sql(server, text) {
  return execSql(server.db, text);
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
