// Assertions on the error contract of docs/http_api.md:
//   {"code": "...", "message": "...", "request_id": "...", "fields": {"name": "problem"}} and header X-Request-Id.
import assert from 'node:assert/strict';

const describe = (res) => `${res.status} ${res.text.slice(0, 300)}`;

/**
 * expectError(res, status, code, fields?)
 *   fields: {name: problem} — every name must be present; a problem of `true` accepts any value,
 *   a RegExp or array lists the acceptable problems.
 * Returns the body.
 */
export function expectError(res, status, code, fields = {}) {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${describe(res)}`);
  const body = res.json;
  assert.ok(body && typeof body === 'object', `expected a JSON error body, got ${describe(res)}`);
  if (code !== undefined) assert.equal(body.code, code, `expected code ${code}, got ${describe(res)}`);
  assert.equal(typeof body.message, 'string', `message missing: ${describe(res)}`);
  assert.ok(body.message.length > 0, `message empty: ${describe(res)}`);
  assert.equal(typeof body.request_id, 'string', `request_id missing: ${describe(res)}`);
  assert.ok(body.request_id.length > 0, 'request_id empty');
  const headerId = res.headers.get ? res.headers.get('x-request-id') : res.headers['x-request-id'];
  assert.equal(body.request_id, headerId, 'body request_id must equal the X-Request-Id header');
  assert.ok(body.fields && typeof body.fields === 'object' && !Array.isArray(body.fields),
    `fields must be an object: ${describe(res)}`);
  for (const [name, problem] of Object.entries(fields)) {
    assert.ok(name in body.fields, `expected fields.${name}, got fields ${JSON.stringify(body.fields)}`);
    if (problem === true) continue;
    const got = body.fields[name];
    if (problem instanceof RegExp) assert.match(got, problem, `fields.${name}`);
    else if (Array.isArray(problem)) assert.ok(problem.includes(got), `fields.${name}: expected one of ${problem}, got ${got}`);
    else assert.equal(got, problem, `fields.${name}`);
  }
  return body;
}

export function expectStatus(res, status) {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${describe(res)}`);
  return res.json;
}
