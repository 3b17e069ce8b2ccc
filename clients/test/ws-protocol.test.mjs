// The graphql-transport-ws protocol at /graphql, spoken with a raw WebSocket so that every
// close code the protocol names can be provoked (the graphql-ws client never misbehaves).
// The codes come from vendor/async-graphql's patch (PATCHED.md); 4429 is upstream's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';

import { startServer } from './server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

/** Opens a socket, sends `messages` (objects as JSON, strings as they are), resolves to the close code and reason. */
function closeAfter(messages, { protocol = 'graphql-transport-ws', waitMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.graphql.replace('http', 'ws'), protocol);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('the server did not close the socket'));
    }, waitMs);
    ws.on('open', () => {
      for (const m of messages) ws.send(typeof m === 'string' ? m : JSON.stringify(m));
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    ws.on('error', reject);
  });
}

const init = { type: 'connection_init' };
const subscribe = (id) => ({ type: 'subscribe', id, payload: { query: 'subscription { graphChanged { graphVersion } }' } });

test('an invalid message closes with 4400', async () => {
  assert.equal((await closeAfter(['not json'])).code, 4400);
  assert.equal((await closeAfter([init, { type: 'no-such-type' }])).code, 4400);
});

test('subscribing before connection_init closes with 4401 Unauthorized', async () => {
  const { code, reason } = await closeAfter([subscribe('1')]);
  assert.equal(code, 4401);
  assert.equal(reason, 'Unauthorized');
});

test('a second subscription with an id in use closes with 4409', async () => {
  const { code, reason } = await closeAfter([init, subscribe('1'), subscribe('1')]);
  assert.equal(code, 4409);
  assert.match(reason, /Subscriber for 1 already exists/);
});

test('no connection_init within 3 s closes with 4408', async () => {
  const started = Date.now();
  const { code, reason } = await closeAfter([]);
  assert.equal(code, 4408);
  assert.equal(reason, 'Connection initialisation timeout');
  assert.ok(Date.now() - started >= 2900, 'not before the wait is over');
});

test('an acknowledged connection stays open past the initialisation wait', async () => {
  const ws = new WebSocket(server.graphql.replace('http', 'ws'), 'graphql-transport-ws');
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.on('open', resolve));
  ws.send(JSON.stringify(init));
  const quiet = new Promise((resolve) => setTimeout(() => resolve('open'), 4000));
  assert.equal(await Promise.race([closed, quiet]), 'open');
  ws.close();
});

test('a second connection_init closes with 4429', async () => {
  assert.equal((await closeAfter([init, init])).code, 4429);
});

test('an upgrade without the subprotocol is refused before the handshake', async () => {
  await assert.rejects(
    () => closeAfter([], { protocol: 'no-such-protocol' }),
    /Unexpected server response: 400/,
  );
});
