// The second dataset, examples/datasets/city-marathon, served with `--data`, checked by the same
// tools as the seed:
//  - the live introspection is the committed examples/datasets/city-marathon/schema.graphql
//    (@graphql-inspector/core finds no change), whose Predicate enum is the dataset's
//    vocabulary.jsonl and none of the seed's, with typed relationship fields;
//  - every example operation of the dataset validates (graphql-js) against both and runs;
//  - src/marathon.ts, typed by codegen from that schema and those operations, runs for real;
//  - src/generated/marathon/ is what codegen.marathon.ts generates today.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildClientSchema, buildSchema, getIntrospectionQuery, parse, validate, validateSchema } from 'graphql';
import { generate } from '@graphql-codegen/cli';
import { mayorsHandovers, raceSponsors, raceWinners, trophyHolders, winner } from '../src/marathon.ts';
import { CLIENTS_DIR, REPO_DIR, gql, startServer } from './server.mjs';
import { introspectionDiff } from './schema-diff.mjs';

const DATASET = path.join(REPO_DIR, 'examples', 'datasets', 'city-marathon');
const EXAMPLES_DIR = path.join(DATASET, 'examples');
const examples = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => ({ file: f, source: readFileSync(path.join(EXAMPLES_DIR, f), 'utf8') }));
const committedSdl = readFileSync(path.join(DATASET, 'schema.graphql'), 'utf8');
const committedSchema = buildSchema(committedSdl);
const vocabulary = readFileSync(path.join(DATASET, 'vocabulary.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.trimStart().startsWith('#'))
  .map((line) => JSON.parse(line));

let server;
let liveSchema;
before(async () => {
  server = await startServer(['--data', DATASET]);
  const result = await gql(
    server.graphql,
    getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
  );
  assert.equal(result.errors, undefined, `introspection failed: ${JSON.stringify(result.errors)}`);
  liveSchema = buildClientSchema(result.data);
});
after(() => server?.stop());

test('the committed marathon schema is valid, and the live one is it exactly', async () => {
  assert.deepEqual(validateSchema(committedSchema).map(String), []);
  assert.deepEqual(validateSchema(liveSchema).map(String), []);
  assert.deepEqual(await introspectionDiff(committedSchema, liveSchema), []);
});

test('its Predicate enum is the dataset\'s vocabulary, with its descriptions, and none of the seed\'s', () => {
  const values = liveSchema.getType('Predicate').getValues();
  assert.deepEqual(values.map((v) => v.name).sort(), vocabulary.map((p) => p.predicate).sort());
  for (const p of vocabulary) {
    assert.equal(values.find((v) => v.name === p.predicate).description, p.description, p.predicate);
  }
  assert.equal(values.find((v) => v.name === 'HANDED_FLAG_TO'), undefined);
});

test('typed relationship fields in both directions, typed by the kinds the vocabulary allows', () => {
  const person = liveSchema.getType('Person').getFields();
  assert.equal(String(person.handedTrophyTo.type), '[Person!]!');
  assert.equal(String(person.receivedTrophyFrom.type), '[Person!]!');
  assert.equal(String(person.handedTrophyToConnection.type), 'RelationConnection!');
  assert.equal(String(person.runsFor.type), '[Group!]!');
  assert.equal(String(person.coaches.type), '[Entity!]!', 'COACHES takes a person or a club');
  assert.equal(person.handedFlagTo, undefined);
  const event = liveSchema.getType('Event').getFields();
  assert.equal(String(event.sponsoredBy.type), '[Entity!]!', 'SPONSORED: a place or an organization');
  assert.equal(String(event.wonBy.type), '[Person!]!');
  assert.equal(liveSchema.getType('Place').getFields().hasMayor?.type.toString(), '[Person!]!');
});

describe('graphql-js validate and run: every example of the dataset', () => {
  test('there are examples', () => assert.ok(examples.length >= 3));
  for (const { file, source } of examples) {
    test(file, async () => {
      assert.deepEqual(validate(committedSchema, parse(source)).map(String), []);
      assert.deepEqual(validate(liveSchema, parse(source)).map(String), []);
      const result = await gql(server.graphql, source);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.deepEqual(result, JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file.replace(/\.graphql$/, '.json')), 'utf8')));
    });
  }
  test('a seed query does not validate against the marathon schema (the check has teeth)', () => {
    const errors = validate(liveSchema, parse('{ chain(from: "karen-bass", predicate: HANDED_FLAG_TO) { id } }'));
    assert.ok(errors.length >= 1, errors.map(String).join('\n'));
  });
});

describe('src/marathon.ts, typed by codegen, against the server', () => {
  test('trophyHolders: the mayor, the winner, his pacemaker, their coach', async () => {
    assert.deepEqual(await trophyHolders(server.graphql), ['Ingrid Solberg', 'Daniel Okello', 'Samuel Kiptoo', 'Grace Wanjiru']);
  });
  test('mayorsHandovers: through the typed connection, with the quotes', async () => {
    assert.deepEqual(await mayorsHandovers(server.graphql), [{
      to: 'Daniel Okello',
      quotes: [
        'Mayor Ingrid Solberg handed the Harbour Cup to Okello on the podium a few minutes later.',
        'Solberg, who handed the Harbour Cup to Okello on Sunday',
      ],
    }]);
  });
  test('winner: typed fields in both directions', async () => {
    assert.deepEqual(await winner(server.graphql), {
      name: 'Daniel Okello',
      won: ['Vennholt City Marathon'],
      trophyFrom: ['Ingrid Solberg'],
      coaches: ['Grace Wanjiru'],
    });
  });
  test('raceSponsors: a city and a company', async () => {
    assert.deepEqual(await raceSponsors(server.graphql), [
      { name: 'Vennholt', kind: 'PLACE' },
      { name: 'Nordlys Energy', kind: 'ORGANIZATION' },
    ]);
  });
  test('raceWinners: the women’s race is a qualifier of the win, in the report’s words', async () => {
    assert.deepEqual(await raceWinners(server.graphql), [
      { name: 'Daniel Okello', role: null },
      { name: 'Kari Haugen', role: 'women’s race' },
    ]);
  });
});

test('src/generated/marathon/ is what codegen.marathon.ts generates', async () => {
  const { default: config } = await import(pathToFileURL(path.join(CLIENTS_DIR, 'codegen.marathon.ts')).href);
  const cwd = process.cwd();
  process.chdir(CLIENTS_DIR);
  let outputs;
  try {
    outputs = await generate({ ...config, cwd: CLIENTS_DIR, silent: true, errorsOnly: true }, false);
  } finally {
    process.chdir(cwd);
  }
  assert.deepEqual(outputs.map((o) => o.filename).sort(), ['src/generated/marathon/graphql.ts', 'src/generated/marathon/schema.ts']);
  for (const { filename, content } of outputs) {
    assert.ok(readFileSync(path.join(CLIENTS_DIR, filename), 'utf8') === content,
      `${filename} is stale: run \`UPDATE_EXPECT=1 clients/run-tests.sh\` and commit it`);
  }
});
