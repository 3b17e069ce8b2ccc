// The write API against the real server, each test on its own server and a fresh temp store:
//  - graphql-ws (createClient, with `ws` as the WebSocket) subscribed to graphChanged and
//    claimsAdded(about:) sees the writes another client makes over HTTP, and only those it asked for;
//  - Apollo Client runs the mutations and its normalized cache follows them (an `update`
//    function, refetchQueries, and a retraction merged into the Relation's entry by id alone);
//  - the refusals: no or a wrong token, no store, no token configured, a query or mutation over
//    the socket, a mutation over GET.
// The operations are src/writes.graphql, typed by codegen (src/generated/graphql.ts) through
// src/writes.ts, which `tsc --noEmit` checks.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, isAbstractType, print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { repoFile, startServer } from './server.mjs';
import {
  ADD_CLAIMS,
  ADD_ENTITIES,
  ADD_SOURCE,
  CLAIMS_ADDED,
  ENTITY_RELATIONS,
  GRAPH_CHANGED,
  RETRACT_CLAIM,
  WRITE_COUNTS,
  send,
  subscribe,
} from '../src/writes.ts';

const TOKEN_NAME = 'editor';
const SECRET = 'a-test-secret-of-32-characters!!';
const TOKENS = { OLYMPIA_WRITE_TOKENS: `${TOKEN_NAME}:${SECRET}` };

const SOURCE = {
  id: 'writes-test-report',
  title: 'A stunt over Saint-Denis',
  publishedOn: '2024-08-12',
  language: 'en',
  outlet: 'Test Wire',
  text: 'Tom Cruise rappelled from the roof of the Stade de France. Later, Snoop Dogg thanked Paris.',
};
const CRUISE_QUOTE = 'Tom Cruise rappelled from the roof of the Stade de France';
const SNOOP_QUOTE = 'Snoop Dogg thanked Paris';

const temps = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A server on a new store in a new temp directory (filled from the embedded seed), with the
 *  write token; `options.tokens: false` starts it without any. */
async function writableServer({ tokens = true } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'olympia-kg-writes-'));
  temps.push(dir);
  return startServer(['--db', path.join(dir, 'store.db')], { env: tokens ? TOKENS : {} });
}

/** Sends a write with the token and returns its `data`, failing on any error. */
async function write(server, document, variables) {
  const { status, data, errors } = await send(server.graphql, document, variables, SECRET);
  assert.equal(status, 200);
  assert.equal(errors, undefined, JSON.stringify(errors));
  return data;
}

const codes = (errors) => (errors ?? []).map((e) => e.extensions?.code);

function wsClient(server) {
  return createClient({
    url: server.graphql.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * Waits until `graphChanged` is live on the server (a subscription starts listening only when the
 * server first polls it, which the protocol does not acknowledge): writes probe entities, one at
 * a time, until the subscription sees one, then waits for the last probe's event. Returns the
 * graph version of that probe; the events so far are dropped.
 */
async function untilLive(server, changes) {
  let last;
  for (let i = 1; ; i++) {
    assert.ok(i <= 50, `graphChanged never saw a probe write (errors: ${JSON.stringify(changes.errors)})`);
    const data = await write(server, ADD_ENTITIES, { input: [{ kind: 'PERSON', name: `Probe Person ${i}` }] });
    last = data.addEntities.graphVersion;
    const seen = await changes.next(1, 200).then(() => true, () => false);
    if (seen) break;
  }
  for (;;) {
    if (changes.events.some((e) => e.graphChanged.graphVersion === last)) break;
    await changes.next(changes.events.length + 1);
  }
  changes.events.length = 0;
  return last;
}

describe('graphql-ws subscriptions see the writes of another client', () => {
  test('graphChanged and claimsAdded(about: "tom-cruise"): versions, token name, ids; other claims only on graphChanged', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    const client = wsClient(server);
    t.after(() => client.dispose());

    // claimsAdded first: the server reads the subscribe messages in order, so once graphChanged
    // is live, so is claimsAdded.
    const cruise = subscribe(client, CLAIMS_ADDED, { about: 'tom-cruise' });
    const changes = subscribe(client, GRAPH_CHANGED, {});
    t.after(() => {
      cruise.stop();
      changes.stop();
    });
    const v0 = await untilLive(server, changes);

    // The other client: plain fetch with the bearer token.
    const source = await write(server, ADD_SOURCE, { input: SOURCE });
    assert.equal(source.addSource.graphVersion, v0 + 1);
    assert.equal(source.addSource.added, true);
    assert.deepEqual(
      source.addSource.source.mentions.map((m) => m.entity.id).filter((id) => id === 'tom-cruise' || id === 'snoop-dogg').sort(),
      ['snoop-dogg', 'tom-cruise'],
    );

    const entities = await write(server, ADD_ENTITIES, {
      input: [{ id: 'jane-stunt', kind: 'PERSON', name: 'Jane Stunt', aliases: ['J. Stunt'], description: 'A stunt double.' }],
    });
    assert.equal(entities.addEntities.graphVersion, v0 + 2);
    assert.equal(entities.addEntities.addedCount, 1);
    assert.deepEqual(entities.addEntities.entities, [{ id: 'jane-stunt', name: 'Jane Stunt', kind: 'PERSON', __typename: 'Person' }]);

    const claim = await write(server, ADD_CLAIMS, {
      input: [{ subject: 'snoop-dogg', predicate: 'HANDED_FLAG_TO', object: 'tom-cruise', evidence: [{ source: SOURCE.id, quote: CRUISE_QUOTE }] }],
    });
    assert.equal(claim.addClaims.graphVersion, v0 + 3);
    assert.equal(claim.addClaims.addedCount, 1);
    const [cruiseClaim] = claim.addClaims.ids;
    assert.equal(cruiseClaim, 'snoop-dogg.HANDED_FLAG_TO.tom-cruise');

    const events = (await changes.next(3)).map((e) => e.graphChanged);
    assert.deepEqual(
      events.map((e) => [e.graphVersion, e.by, e.operation]),
      [
        [v0 + 1, TOKEN_NAME, 'addSource'],
        [v0 + 2, TOKEN_NAME, 'addEntities'],
        [v0 + 3, TOKEN_NAME, 'addClaims'],
      ],
    );
    assert.deepEqual(events[0].sources, [{ id: SOURCE.id }]);
    assert.deepEqual([events[0].entities, events[0].relations, events[0].retracted], [[], [], []]);
    assert.deepEqual(events[1].entities, [{ id: 'jane-stunt', name: 'Jane Stunt' }]);
    assert.deepEqual([events[1].sources, events[1].relations], [[], []]);
    assert.deepEqual(events[2].relations, [{ id: cruiseClaim }]);
    assert.deepEqual([events[2].sources, events[2].entities], [[], []]);

    const [added] = await cruise.next(1);
    assert.deepEqual(added.claimsAdded, {
      graphVersion: v0 + 3,
      relations: [{ id: cruiseClaim, subject: { id: 'snoop-dogg' }, object: { id: 'tom-cruise' } }],
    });

    // A claim not about Tom Cruise: graphChanged has it, claimsAdded(about: "tom-cruise") does not.
    const other = await write(server, ADD_CLAIMS, {
      input: [{ subject: 'jane-stunt', predicate: 'COLLABORATES_WITH', object: 'snoop-dogg', evidence: [{ source: SOURCE.id, quote: SNOOP_QUOTE }] }],
    });
    assert.equal(other.addClaims.graphVersion, v0 + 4);
    const [otherEvent] = (await changes.next(4)).slice(3);
    assert.equal(otherEvent.graphChanged.graphVersion, v0 + 4);
    assert.equal(otherEvent.graphChanged.by, TOKEN_NAME);
    assert.deepEqual(otherEvent.graphChanged.relations, [{ id: 'jane-stunt.COLLABORATES_WITH.snoop-dogg' }]);

    // Then one about him again: it is the next claimsAdded event, so the other one never came.
    const again = await write(server, ADD_CLAIMS, {
      input: [{ subject: 'jane-stunt', predicate: 'APPEARED_WITH', object: 'tom-cruise', evidence: [{ source: SOURCE.id, quote: CRUISE_QUOTE }] }],
    });
    assert.equal(again.addClaims.graphVersion, v0 + 5);
    const [, second] = await cruise.next(2);
    assert.deepEqual(second.claimsAdded, {
      graphVersion: v0 + 5,
      relations: [{ id: again.addClaims.ids[0], subject: { id: 'jane-stunt' }, object: { id: 'tom-cruise' } }],
    });
    assert.equal((await changes.next(5))[4].graphChanged.graphVersion, v0 + 5);
    // A retraction is a change too, listed under `retracted`, and adds no claim.
    await write(server, RETRACT_CLAIM, { id: cruiseClaim, reason: 'test' });
    const retraction = (await changes.next(6))[5].graphChanged;
    assert.deepEqual([retraction.graphVersion, retraction.operation, retraction.retracted], [v0 + 6, 'retractClaim', [{ id: cruiseClaim }]]);
    assert.equal(cruise.events.length, 2, JSON.stringify(cruise.events));
    assert.deepEqual([cruise.errors, changes.errors], [[], []]);
  });
});

const schema = buildSchema(repoFile('schema.graphql'));
const possibleTypes = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter((t) => isAbstractType(t) && !t.name.startsWith('__'))
    .map((t) => [t.name, schema.getPossibleTypes(t).map((p) => p.name)]),
);

describe('Apollo Client: mutations and the normalized cache', () => {
  test('addEntities and addClaims update the cache (update function, refetchQueries); retractClaim merges into the Relation by id', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    await write(server, ADD_SOURCE, { input: SOURCE });

    const requests = [];
    const client = new ApolloClient({
      link: new HttpLink({
        uri: server.graphql,
        headers: { authorization: `Bearer ${SECRET}` },
        fetch: (url, init) => {
          requests.push(JSON.parse(init.body).operationName);
          return globalThis.fetch(url, init);
        },
      }),
      cache: new InMemoryCache({ possibleTypes }),
    });
    const cruise = { id: 'tom-cruise' };

    const { data: before } = await client.query({ query: ENTITY_RELATIONS, variables: cruise });
    const count0 = before.entity.relations.totalCount;
    assert.ok(count0 >= 9, `Tom Cruise has ${count0} relations`);

    // addEntities: the new Person is its own cache entry.
    const { data: added } = await client.mutate({
      mutation: ADD_ENTITIES,
      variables: { input: [{ id: 'jane-stunt', kind: 'PERSON', name: 'Jane Stunt' }] },
    });
    assert.equal(added.addEntities.addedCount, 1);
    const janeKey = client.cache.identify({ __typename: 'Person', id: 'jane-stunt' });
    assert.equal(janeKey, 'Person:jane-stunt');
    assert.deepEqual(client.cache.extract()[janeKey], { __typename: 'Person', id: 'jane-stunt', name: 'Jane Stunt', kind: 'PERSON' });

    // addClaims with an `update` function that appends the new relation to the cached list.
    const { data: first } = await client.mutate({
      mutation: ADD_CLAIMS,
      variables: {
        input: [{ subject: 'snoop-dogg', predicate: 'HANDED_FLAG_TO', object: 'tom-cruise', evidence: [{ source: SOURCE.id, quote: CRUISE_QUOTE }] }],
      },
      update(cache, { data }) {
        cache.updateQuery({ query: ENTITY_RELATIONS, variables: cruise }, (list) => ({
          entity: {
            ...list.entity,
            relations: {
              ...list.entity.relations,
              totalCount: list.entity.relations.totalCount + data.addClaims.relations.length,
              edges: [
                ...list.entity.relations.edges,
                ...data.addClaims.relations.map((node) => ({ __typename: 'RelationEdge', node })),
              ],
            },
          },
        }));
      },
    });
    const flagId = first.addClaims.ids[0];
    assert.equal(flagId, 'snoop-dogg.HANDED_FLAG_TO.tom-cruise');
    const relationKey = client.cache.identify({ __typename: 'Relation', id: flagId });
    assert.equal(relationKey, `Relation:${flagId}`);
    let cached = client.readQuery({ query: ENTITY_RELATIONS, variables: cruise });
    assert.equal(cached.entity.relations.totalCount, count0 + 1);
    assert.deepEqual(cached.entity.relations.edges.at(-1).node, first.addClaims.relations[0]);
    assert.deepEqual(client.cache.extract().ROOT_QUERY['entity({"id":"tom-cruise"})'], { __ref: 'Person:tom-cruise' });

    // The server agrees with the cache the update function wrote (a fresh, network-only read).
    const fresh = await send(server.graphql, ENTITY_RELATIONS, cruise);
    const withoutTypename = (v) => JSON.parse(JSON.stringify(v, (k, x) => (k === '__typename' ? undefined : x)));
    assert.deepEqual(withoutTypename(cached), fresh.data);

    // addClaims with refetchQueries: the list is read again from the server.
    const sent = requests.length;
    const { data: second } = await client.mutate({
      mutation: ADD_CLAIMS,
      variables: {
        input: [{ subject: 'jane-stunt', predicate: 'APPEARED_WITH', object: 'tom-cruise', evidence: [{ source: SOURCE.id, quote: CRUISE_QUOTE }] }],
      },
      refetchQueries: [{ query: ENTITY_RELATIONS, variables: cruise }],
      awaitRefetchQueries: true,
    });
    assert.deepEqual(requests.slice(sent), ['AddClaims', 'EntityRelations']);
    const appearedId = second.addClaims.ids[0];
    cached = client.readQuery({ query: ENTITY_RELATIONS, variables: cruise });
    assert.equal(cached.entity.relations.totalCount, count0 + 2);
    assert.ok(cached.entity.relations.edges.some((e) => e.node.id === appearedId), `${appearedId} in the cached list`);
    // cache-first: answered from the cache, no request.
    const again = await client.query({ query: ENTITY_RELATIONS, variables: cruise });
    assert.deepEqual(again.data, cached);
    assert.equal(requests.length, sent + 2);

    // retractClaim: no update function, no refetch. The payload's Relation has the same id, so
    // Apollo merges `retraction` into the one cache entry, and every query holding it sees it.
    assert.equal(client.cache.extract()[relationKey].retraction, null);
    const { data: retracted } = await client.mutate({
      mutation: RETRACT_CLAIM,
      variables: { id: flagId, reason: 'the flag went from Biles to Cruise' },
    });
    assert.equal(requests.length, sent + 3, 'only the mutation was sent');
    assert.equal(requests.at(-1), 'RetractClaim');
    const retraction = retracted.retractClaim.relation.retraction;
    assert.equal(retraction.reason, 'the flag went from Biles to Cruise');
    assert.equal(retraction.by, TOKEN_NAME);
    assert.match(retraction.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    assert.deepEqual(client.cache.extract()[relationKey].retraction, { __typename: 'Retraction', ...retraction });
    cached = client.readQuery({ query: ENTITY_RELATIONS, variables: cruise });
    const edge = cached.entity.relations.edges.find((e) => e.node.id === flagId);
    assert.deepEqual(edge.node.retraction, { __typename: 'Retraction', ...retraction });
    assert.equal(requests.length, sent + 3, 'readQuery sent nothing');
  });
});

describe('refusals', () => {
  test('a mutation without a token (or with a wrong one) is UNAUTHENTICATED and changes nothing', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    const counts = async () => (await send(server.graphql, WRITE_COUNTS, {})).data.stats;
    const before = await counts();
    assert.equal(before.entityCount, 85);
    const input = { input: [{ id: 'intruder', kind: 'PERSON', name: 'Intruder' }] };

    for (const token of [undefined, 'not-the-secret-but-long-enough']) {
      const refused = await send(server.graphql, ADD_ENTITIES, input, token);
      assert.equal(refused.status, 200);
      assert.deepEqual(codes(refused.errors), ['UNAUTHENTICATED'], JSON.stringify(refused.errors));
      assert.equal(refused.data, null);
    }
    const noToken = await send(server.graphql, RETRACT_CLAIM, { id: 'simone-biles.HANDED_FLAG_TO.tom-cruise', reason: 'no' });
    assert.deepEqual(codes(noToken.errors), ['UNAUTHENTICATED']);

    assert.deepEqual(await counts(), before);
    const { data } = await send(server.graphql, ENTITY_RELATIONS, { id: 'intruder' });
    assert.equal(data.entity, null);
    const { data: flag } = await send(server.graphql, ENTITY_RELATIONS, { id: 'simone-biles' });
    const handover = flag.entity.relations.edges.find((e) => e.node.id === 'simone-biles.HANDED_FLAG_TO.tom-cruise');
    assert.equal(handover.node.retraction, null);
    // The refusals used no version: the first accepted write makes version 2 of the new store.
    const ok = await write(server, ADD_ENTITIES, input);
    assert.equal(ok.addEntities.graphVersion, 2);
  });

  test('writes are WRITES_DISABLED without --db, and without any write token', async (t) => {
    const readOnly = await startServer([], { env: TOKENS });
    t.after(() => readOnly.stop());
    const noTokens = await writableServer({ tokens: false });
    t.after(() => noTokens.stop());
    const input = { input: [{ kind: 'PERSON', name: 'Nobody' }] };
    for (const server of [readOnly, noTokens]) {
      const refused = await send(server.graphql, ADD_ENTITIES, input, SECRET);
      assert.deepEqual(codes(refused.errors), ['WRITES_DISABLED'], JSON.stringify(refused.errors));
      assert.equal(refused.data, null);
      assert.equal((await send(server.graphql, WRITE_COUNTS, {})).data.stats.entityCount, 85);
    }
  });

  test('a query or a mutation over the socket is SUBSCRIPTIONS_ONLY', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    const client = wsClient(server);
    t.after(() => client.dispose());
    const over = async (document, variables) => {
      const sub = subscribe(client, document, variables);
      const outcome = await sub.next(1, 10_000).then(
        (events) => ({ events }),
        () => ({ errors: sub.errors }),
      );
      sub.stop();
      return outcome;
    };
    const query = await over(WRITE_COUNTS, {});
    assert.equal(query.events, undefined, JSON.stringify(query.events));
    assert.deepEqual(codes(query.errors), ['SUBSCRIPTIONS_ONLY'], JSON.stringify(query.errors));
    const mutation = await over(ADD_ENTITIES, { input: [{ id: 'socket-person', kind: 'PERSON', name: 'Socket Person' }] });
    assert.deepEqual(codes(mutation.errors), ['SUBSCRIPTIONS_ONLY'], JSON.stringify(mutation.errors));
    // Nothing was written.
    const { data } = await send(server.graphql, ENTITY_RELATIONS, { id: 'socket-person' });
    assert.equal(data.entity, null);
    // The same socket still serves subscriptions.
    const changes = subscribe(client, GRAPH_CHANGED, {});
    t.after(() => changes.stop());
    const v = await untilLive(server, changes);
    assert.ok(v >= 2);
  });

  // A document with one operation needs no operationName (GraphQL spec, "GetOperation"), and
  // graphql-ws sends none unless told. async-graphql holds a single *named* operation as
  // DocumentOperations::Multiple; the socket's subscriptions-only check (src/server/ws.rs) once
  // refused it as if it were a query.
  test('a named subscription without operationName is served', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    const client = wsClient(server);
    t.after(() => client.dispose());
    const errors = [];
    const done = new Promise((resolve) => {
      client.subscribe({ query: print(GRAPH_CHANGED) }, {
        next: (result) => {
          errors.push(...(result.errors ?? []));
          resolve();
        },
        error: (e) => {
          errors.push(...(Array.isArray(e) ? e : [e]));
          resolve();
        },
        complete: resolve,
      });
    });
    // Live or refused: a write settles it either way.
    const changes = subscribe(client, GRAPH_CHANGED, {});
    t.after(() => changes.stop());
    await untilLive(server, changes);
    await done;
    assert.deepEqual(codes(errors), []);
  });

  test('a mutation over GET is HTTP 405 and changes nothing', async (t) => {
    const server = await writableServer();
    t.after(() => server.stop());
    const url = new URL(server.graphql);
    url.searchParams.set('query', print(ADD_ENTITIES));
    url.searchParams.set('variables', JSON.stringify({ input: [{ id: 'by-get', kind: 'PERSON', name: 'By Get' }] }));
    const res = await fetch(url, { headers: { authorization: `Bearer ${SECRET}`, accept: 'application/graphql-response+json' } });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    const body = await res.json();
    assert.ok(body.errors?.length, JSON.stringify(body));
    const { data } = await send(server.graphql, ENTITY_RELATIONS, { id: 'by-get' });
    assert.equal(data.entity, null);
    // A query over GET is fine.
    const get = new URL(server.graphql);
    get.searchParams.set('query', '{ stats { entityCount } }');
    const ok = await fetch(get, { headers: { accept: 'application/graphql-response+json' } });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).data.stats.entityCount, 85);
  });
});
