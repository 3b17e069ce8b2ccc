// CORS for frontend apps on other origins: the server started with
// --cors-origins http://app.example answers that origin's preflight and requests, and no other's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

const APP = 'http://app.example';

let server;
let plain; // started without --cors-origins
before(async () => {
  [server, plain] = await Promise.all([startServer(['--cors-origins', `${APP},http://other.example`]), startServer()]);
});
after(() => Promise.all([server?.stop(), plain?.stop()]));

const preflight = (base, origin, headers = 'content-type') =>
  fetch(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  });

test('preflight from an allowed origin: 2xx, that origin allowed, POST and content-type allowed', async () => {
  const res = await preflight(server.base, APP);
  assert.ok(res.status >= 200 && res.status < 300, `status ${res.status}`);
  assert.equal(res.headers.get('access-control-allow-origin'), APP);
  const methods = (res.headers.get('access-control-allow-methods') ?? '').toUpperCase();
  assert.match(methods, /\bPOST\b/);
  const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  assert.match(allowed, /\bcontent-type\b/);
  assert.match(res.headers.get('vary') ?? '', /origin/i, 'Vary: Origin, so caches keep answers per origin');
  console.log(`preflight ${APP}: ${res.status}, allow-origin ${res.headers.get('access-control-allow-origin')}, ` +
    `allow-methods ${res.headers.get('access-control-allow-methods')}, allow-headers ${res.headers.get('access-control-allow-headers')}, ` +
    `max-age ${res.headers.get('access-control-max-age')}`);
});

test('preflight asking for content-type and accept (what Apollo and GraphiQL send) is allowed', async () => {
  const res = await preflight(server.base, APP, 'content-type,accept');
  assert.ok(res.ok, `status ${res.status}`);
  assert.equal(res.headers.get('access-control-allow-origin'), APP);
});

test('the actual POST from the allowed origin carries access-control-allow-origin', async () => {
  const res = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { origin: APP, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entity(id: "tom-cruise") { name } }' }),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), APP);
  assert.deepEqual(await res.json(), { data: { entity: { name: 'Tom Cruise' } } });
});

test('an origin not in the list gets no access-control-allow-origin', async () => {
  for (const origin of ['http://evil.example', 'http://app.example.evil', 'https://app.example']) {
    const res = await preflight(server.base, origin);
    assert.equal(res.headers.get('access-control-allow-origin'), null, `preflight from ${origin}`);
    const post = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(post.headers.get('access-control-allow-origin'), null, `POST from ${origin}`);
  }
});

test('the second listed origin is allowed too', async () => {
  const res = await preflight(server.base, 'http://other.example');
  assert.equal(res.headers.get('access-control-allow-origin'), 'http://other.example');
});

test('without --cors-origins no origin is allowed (same-origin only)', async () => {
  const res = await preflight(plain.base, APP);
  assert.equal(res.headers.get('access-control-allow-origin'), null);
});
