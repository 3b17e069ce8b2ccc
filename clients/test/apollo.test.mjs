// Apollo Client (in Node, HttpLink over the global fetch) against the real server: the same data
// as the Rust tests expect, paginated connections, and every object with an identity normalized
// in InMemoryCache by its globally unique id.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { buildSchema, isAbstractType, isObjectType } from 'graphql';
import { firstValueFrom, filter } from 'rxjs';
import { repoFile, startServer } from './server.mjs';

const schema = buildSchema(repoFile('schema.graphql'));

/** Apollo's `possibleTypes` (interface → implementing types), from schema.graphql. */
const possibleTypes = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter((t) => isAbstractType(t) && !t.name.startsWith('__'))
    .map((t) => [t.name, schema.getPossibleTypes(t).map((p) => p.name)]),
);

/** Object types that have an `id`: the cache must hold each as its own entry, never inline. */
const typesWithId = new Set(
  Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields())
    .map((t) => t.name),
);

/** A deep copy without Apollo's `__typename` fields, to compare with the committed outputs. */
function withoutTypename(value) {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([k]) => k !== '__typename').map(([k, v]) => [k, withoutTypename(v)]),
    );
  }
  return value;
}

// Apollo adds `__typename` to every selection; the committed outputs have it only where the
// examples select it. Both sides are compared without it.
const expected = (name) => withoutTypename(JSON.parse(repoFile(`examples/${name}.json`)).data);

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

function newClient(typePolicies = {}) {
  return new ApolloClient({
    link: new HttpLink({ uri: server.graphql, fetch: globalThis.fetch }),
    cache: new InMemoryCache({ possibleTypes, typePolicies }),
  });
}

test('possibleTypes come from the schema: Entity and Node are interfaces', () => {
  assert.deepEqual(
    [...possibleTypes.Entity].sort(),
    ['Country', 'Event', 'Group', 'Organization', 'Person', 'Place', 'Work'],
  );
  for (const t of ['Relation', 'Source', 'QuantityClaim', 'Person']) assert.ok(possibleTypes.Node.includes(t), t);
  for (const t of ['Relation', 'Source', 'Evidence', 'Mention', 'QuantityClaim', 'Person']) assert.ok(typesWithId.has(t), t);
});

test('the flag handover chains, hand to hand and city to city, as in examples/', async () => {
  const client = newClient();
  const { data } = await client.query({ query: gql(repoFile('examples/flag-handover-chain.graphql')) });
  assert.deepEqual(withoutTypename(data), expected('flag-handover-chain'));
  const names = (chain) => [chain[0].subject.name, ...chain.map((h) => h.object.name)];
  assert.deepEqual(names(data.hands), ['Simone Biles', 'Tom Cruise']);
  assert.deepEqual(names(data.cities), ['Paris', 'Los Angeles']);
  assert.equal(data.hands[0].subject.__typename, 'Person');
  assert.equal(data.cities[0].subject.__typename, 'Place');

  // Normalized: one entry per Relation, entity and Source, each under `Typename:id`.
  const store = client.cache.extract();
  for (const key of [
    'Relation:simone-biles.HANDED_FLAG_TO.tom-cruise',
    'Relation:paris.HANDED_GAMES_TO.los-angeles',
    'Person:simone-biles',
    'Person:tom-cruise',
    'Place:paris',
    'Place:los-angeles',
    'Event:handover-to-los-angeles',
    'Source:report-1406bd90',
  ]) {
    assert.ok(store[key], `cache.extract() has ${key} (keys: ${Object.keys(store).join(', ')})`);
  }
  assert.deepEqual(store['Person:tom-cruise'], { __typename: 'Person', id: 'tom-cruise', name: 'Tom Cruise' });
  assert.deepEqual(store['Relation:simone-biles.HANDED_FLAG_TO.tom-cruise'].object, { __ref: 'Person:tom-cruise' });
  // The two aliased `chain` fields are two root entries, keyed by their arguments.
  const chains = Object.keys(store.ROOT_QUERY).filter((k) => k.startsWith('chain('));
  assert.equal(chains.length, 2, chains.join(', '));
  const hands = chains.find((k) => k.includes('simone-biles'));
  assert.deepEqual(store.ROOT_QUERY[hands], [{ __ref: 'Relation:simone-biles.HANDED_FLAG_TO.tom-cruise' }]);
  // Read back from the cache alone, no request: the same data.
  const cached = client.readQuery({ query: gql(repoFile('examples/flag-handover-chain.graphql')) });
  assert.deepEqual(withoutTypename(cached), expected('flag-handover-chain'));
});

test('examples/relations-page.graphql paged by `after` gives the same edges as one big page', async () => {
  const client = newClient();
  const pageQuery = gql(repoFile('examples/relations-page.graphql'));
  const edges = [];
  const cursors = [];
  let afterCursor = null;
  let pages = 0;
  for (;;) {
    const { data } = await client.query({ query: pageQuery, variables: { after: afterCursor }, fetchPolicy: 'network-only' });
    if (pages === 0) assert.deepEqual(withoutTypename(data), expected('relations-page'), 'first page as committed');
    const page = data.entity.relations;
    edges.push(...page.edges);
    pages++;
    assert.ok(pages <= 10, 'pagination ends');
    if (!page.pageInfo.hasNextPage) break;
    afterCursor = page.pageInfo.endCursor;
    cursors.push(afterCursor);
  }
  assert.equal(new Set(cursors).size, cursors.length, 'every endCursor is new');

  const bigQuery = gql(repoFile('examples/relations-page.graphql').replace('relations(first: 3,', 'relations(first: 50,'));
  const { data: big } = await client.query({ query: bigQuery, fetchPolicy: 'network-only' });
  const all = big.entity.relations;
  assert.equal(all.pageInfo.hasNextPage, false);
  assert.equal(all.totalCount, edges.length);
  assert.equal(pages, Math.ceil(all.totalCount / 3));
  assert.deepEqual(withoutTypename(edges), withoutTypename(all.edges));
  assert.ok(all.totalCount >= 9, `Tom Cruise has ${all.totalCount} relations`);
});

const PAGED = gql`
  query CruiseRelationsPaged($first: Int!, $after: String) {
    entity(id: "tom-cruise") {
      id
      name
      relations(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          direction
          neighbor { id name }
          node {
            id
            predicate
            subject { id name }
            object { id name }
            evidence { id quote start end source { id } }
          }
        }
      }
    }
  }
`;

test('fetchMore with relayStylePagination, two at a time, merges to the single-page result; all normalized', async () => {
  const client = newClient({ Entity: { fields: { relations: relayStylePagination() } } });
  const watch = client.watchQuery({ query: PAGED, variables: { first: 2 } });
  const complete = (r) => r.dataState === 'complete' && r.networkStatus === 7;
  let result = await firstValueFrom(watch.pipe(filter(complete)));
  let fetches = 1;
  while (result.data.entity.relations.pageInfo.hasNextPage) {
    await watch.fetchMore({ variables: { after: result.data.entity.relations.pageInfo.endCursor } });
    result = watch.getCurrentResult();
    assert.ok(complete(result), `complete after fetchMore (${result.networkStatus})`);
    fetches++;
    assert.ok(fetches <= 20, 'pagination ends');
  }
  const merged = result.data.entity.relations;

  const { data: big } = await newClient().query({ query: PAGED, variables: { first: 50 } }); // one page: Tom Cruise has fewer than 50
  assert.equal(big.entity.relations.pageInfo.hasNextPage, false);
  const all = big.entity.relations;
  assert.equal(fetches, Math.ceil(all.totalCount / 2));
  assert.deepEqual(withoutTypename(merged.edges), withoutTypename(all.edges));
  assert.equal(merged.totalCount, all.totalCount);

  const store = client.cache.extract();
  // Every relation of Tom Cruise is one cache entry, keyed by its global id.
  for (const edge of all.edges) {
    const entry = store[`Relation:${edge.node.id}`];
    assert.ok(entry, `Relation:${edge.node.id} in the cache`);
    assert.equal(entry.__typename, 'Relation');
    for (const e of edge.node.evidence) assert.ok(store[`Evidence:${e.id}`], `Evidence:${e.id} in the cache`);
  }
  assert.ok(store['Relation:simone-biles.HANDED_FLAG_TO.tom-cruise']);
  assert.ok(store['Person:tom-cruise']);
  assert.ok(Object.keys(store).some((k) => k.startsWith('Event:')), 'the closing ceremony is an Event entry');

  // No object that has an id is stored inline; each id belongs to one type only.
  const inline = [];
  const walk = (value, where, nested) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`, true));
    if (!value || typeof value !== 'object' || '__ref' in value) return;
    if (nested && typesWithId.has(value.__typename)) inline.push(`${where} (${value.__typename})`);
    for (const [k, v] of Object.entries(value)) walk(v, `${where} > ${k}`, true);
  };
  for (const [key, entry] of Object.entries(store)) walk(entry, key, false);
  assert.deepEqual(inline, [], 'objects with an id stored inside other entries');
  const typeOfId = new Map();
  for (const entry of Object.values(store)) {
    if (!entry.id) continue;
    const seen = typeOfId.get(entry.id);
    assert.ok(!seen || seen === entry.__typename, `id ${entry.id} is both ${seen} and ${entry.__typename}`);
    typeOfId.set(entry.id, entry.__typename);
  }
  assert.ok(typeOfId.size >= 20, `${typeOfId.size} normalized objects`);
});
