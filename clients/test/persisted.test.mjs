// Apollo automatic persisted queries, through Apollo Client's own persisted-query link: the first
// request sends only the SHA-256 of the query, the server answers PersistedQueryNotFound, the link
// retries with the full query (the server stores it), and from then on the hash alone is enough.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { repoFile, startServer } from './server.mjs';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

/** A fetch that records every request (method, URL, parsed body) and response it passes on. */
function recordingFetch() {
  const log = [];
  const fetchFn = async (url, init = {}) => {
    const entry = { method: init.method ?? 'GET', url: String(url), body: init.body ? JSON.parse(init.body) : null };
    log.push(entry);
    const response = await fetch(url, init);
    entry.status = response.status;
    entry.response = await response.clone().json();
    return response;
  };
  return { log, fetchFn };
}

function apqClient(fetchFn, options = {}) {
  return new ApolloClient({
    link: createPersistedQueryLink({ sha256, ...options }).concat(new HttpLink({ uri: server.graphql, fetch: fetchFn })),
    cache: new InMemoryCache(),
  });
}

/** Strips Apollo's __typename, to compare with the committed example outputs. */
// Apollo adds `__typename` everywhere; the committed outputs have it only where the examples
// select it. Both sides are compared without it.
const plain = (data) => JSON.parse(JSON.stringify(data, (k, v) => (k === '__typename' ? undefined : v)));
const expected = (name) => plain(JSON.parse(repoFile(`examples/${name}.json`)).data);

test('POST: hash, PersistedQueryNotFound, retry with the query; then the hash alone', async () => {
  const { log, fetchFn } = recordingFetch();
  const query = gql(repoFile('examples/flag-handover-chain.graphql'));
  const client = apqClient(fetchFn);

  const first = await client.query({ query, fetchPolicy: 'network-only' });
  assert.deepEqual(plain(first.data), expected('flag-handover-chain'));
  assert.equal(log.length, 2, 'two requests for the first query');
  const [hashOnly, retry] = log;

  const hash = hashOnly.body.extensions.persistedQuery.sha256Hash;
  assert.equal(hashOnly.body.extensions.persistedQuery.version, 1);
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(hashOnly.body.query, undefined, 'the first request carries no query');
  assert.equal(hashOnly.status, 200);
  assert.deepEqual(hashOnly.response.errors.map((e) => e.message), ['PersistedQueryNotFound']);

  assert.equal(typeof retry.body.query, 'string', 'the retry carries the query');
  assert.equal(sha256(retry.body.query), hash, 'the hash is the SHA-256 of the query sent');
  assert.equal(retry.body.extensions.persistedQuery.sha256Hash, hash);
  assert.equal(retry.status, 200);
  assert.equal(retry.response.errors, undefined);

  // Same query again (a new client: nothing cached, nothing remembered by the link).
  const { log: log2, fetchFn: fetchFn2 } = recordingFetch();
  const second = await apqClient(fetchFn2).query({ query, fetchPolicy: 'network-only' });
  assert.deepEqual(plain(second.data), expected('flag-handover-chain'));
  assert.equal(log2.length, 1, 'one request: served by hash alone');
  assert.equal(log2[0].body.query, undefined, 'the request body carries no query');
  assert.equal(log2[0].body.extensions.persistedQuery.sha256Hash, hash);
  assert.equal(log2[0].status, 200);

  // And the first client, asked again, also needs only the hash.
  await client.query({ query, fetchPolicy: 'network-only' });
  assert.equal(log.length, 3);
  assert.equal(log[2].body.query, undefined);
});

test('GET for hashed queries (useGETForHashedQueries): cacheable URLs carrying only the hash', async () => {
  const { log, fetchFn } = recordingFetch();
  const client = apqClient(fetchFn, { useGETForHashedQueries: true });
  const query = gql(repoFile('examples/crowd-figures.graphql'));

  const first = await client.query({ query, fetchPolicy: 'network-only' });
  assert.deepEqual(plain(first.data), expected('crowd-figures'));
  assert.deepEqual(log.map((r) => r.method), ['GET', 'POST'], 'hash by GET, then the query by POST');
  const url = new URL(log[0].url);
  assert.equal(url.searchParams.get('query'), null, 'the GET carries no query');
  // The hash is of the document as Apollo sends it (with __typename added), in the POST that follows.
  assert.equal(JSON.parse(url.searchParams.get('extensions')).persistedQuery.sha256Hash, sha256(log[1].body.query));
  assert.deepEqual(log[0].response.errors.map((e) => e.message), ['PersistedQueryNotFound']);

  await client.query({ query, fetchPolicy: 'network-only' });
  assert.deepEqual(log.map((r) => r.method), ['GET', 'POST', 'GET']);
  assert.equal(new URL(log[2].url).searchParams.get('query'), null);
  assert.equal(log[2].status, 200);
  assert.deepEqual(plain(log[2].response.data), expected('crowd-figures'));
});

test('a hash the server never saw, sent by hand, answers PersistedQueryNotFound (HTTP 200)', async () => {
  const res = await fetch(server.graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ never }') } } }),
  });
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(body.errors.map((e) => e.message), ['PersistedQueryNotFound']);
});
