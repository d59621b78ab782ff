// The GA/T 1400 client of the security suite: the tests' client (../../integration/lib/viid.mjs: Digest,
// session token, chosen loopback source address) and a normal form of refusals, so that two refusals can be
// compared byte for byte.
export { VIID, REGISTER, send, parseChallenge, authorization, registerBody, challengeFor, register, call }
  from '../../integration/lib/viid.mjs';

// What a refusal says, with the per-reply variables (LocalTime, the nonce) blanked: two refusals that differ in
// nothing else give the same string.
export function refusalShape(r) {
  const body = JSON.parse(r.text);
  if (body.ResponseStatusObject) body.ResponseStatusObject.LocalTime = 'T';
  const challenge = String(r.headers['www-authenticate'] || '').replace(/nonce="[^"]*"/, 'nonce="N"');
  return JSON.stringify({ status: r.status, body, challenge, session: r.headers['x-viid-session'] ?? null });
}
