// The small typed client (src/client.ts, type-checked by `tsc --noEmit` against the generated
// types) run for real against the server, through tsx.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { allCruiseRelations, flagHandoverChain, holders, GraphQLRequestError, request } from '../src/client.ts';
import { repoFile, startServer } from './server.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

test('flagHandoverChain: Simone Biles -> Tom Cruise; Paris -> Los Angeles', async () => {
  const { hands, cities } = await flagHandoverChain(server.graphql);
  assert.deepEqual(holders(hands), ['Simone Biles', 'Tom Cruise']);
  assert.deepEqual(holders(cities), ['Paris', 'Los Angeles']);
  assert.equal(hands[0].subject.name, 'Simone Biles');
  assert.equal(hands[0].object.name, 'Tom Cruise');
  assert.deepEqual({ hands, cities }, JSON.parse(repoFile('examples/flag-handover-chain.json')).data);
});

test('allCruiseRelations pages through every relation of Tom Cruise', async () => {
  const relations = await allCruiseRelations(server.graphql);
  const firstPage = JSON.parse(repoFile('examples/relations-page.json')).data.entity.relations;
  assert.equal(relations.length, firstPage.totalCount);
  assert.deepEqual(
    relations.slice(0, firstPage.edges.length).map((r) => [r.direction, r.neighbor, r.predicate]),
    firstPage.edges.map((e) => [e.direction, e.neighbor.name, e.node.predicate]),
  );
  assert.ok(relations.some((r) => r.predicate === 'HANDED_FLAG_TO' && r.neighbor === 'Simone Biles'));
});

test('request throws GraphQLRequestError with the server\'s error codes', async () => {
  await assert.rejects(
    request(server.graphql, '{ entities(first: 1000) { totalCount } }'),
    (e) => e instanceof GraphQLRequestError && e.errors.some((x) => x.extensions?.code === 'ARGUMENT_OUT_OF_RANGE'),
  );
});
