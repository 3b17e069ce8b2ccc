// The committed schema against graphql-js and GraphQL Inspector:
//  - every example operation (../examples/*.graphql) validates against schema.graphql and
//    against the schema the live server reports by introspection;
//  - the introspected schema is schema.graphql: @graphql-inspector/core finds no change at all
//    (types, fields, arguments, enum values, descriptions, directives);
//  - the generated TypeScript (src/generated/) is what codegen.ts makes of them today.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  parse,
  validate,
  validateSchema,
} from 'graphql';
import { diff } from '@graphql-inspector/core';
import { generate } from '@graphql-codegen/cli';
import { CLIENTS_DIR, REPO_DIR, gql, repoFile, startServer } from './server.mjs';
import { introspectionDiff } from './schema-diff.mjs';

const EXAMPLES_DIR = path.join(REPO_DIR, 'examples');
const examples = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => ({ file: f, source: readFileSync(path.join(EXAMPLES_DIR, f), 'utf8') }));

const committedSchema = buildSchema(repoFile('schema.graphql'));

let server;
let liveSchema;
before(async () => {
  server = await startServer();
  const result = await gql(
    server.graphql,
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
  assert.equal(result.errors, undefined, `introspection failed: ${JSON.stringify(result.errors)}`);
  liveSchema = buildClientSchema(result.data);
});
after(() => server?.stop());

test('there are example operations', () => {
  assert.ok(examples.length >= 7, `${examples.length} examples in ${EXAMPLES_DIR}`);
});

test('schema.graphql is a valid schema', () => {
  assert.deepEqual(validateSchema(committedSchema).map(String), []);
});

test('the introspected schema is a valid schema', () => {
  assert.deepEqual(validateSchema(liveSchema).map(String), []);
});

describe('graphql-js validate: every example operation', () => {
  for (const { file, source } of examples) {
    test(`${file} against schema.graphql`, () => {
      assert.deepEqual(validate(committedSchema, parse(source)).map(String), []);
    });
    test(`${file} against the live introspection`, () => {
      assert.deepEqual(validate(liveSchema, parse(source)).map(String), []);
    });
  }
});

test('graphql-js validate catches a wrong operation (the check has teeth)', () => {
  const errors = validate(committedSchema, parse('{ chain(from: "x") { id nope } }'));
  assert.ok(errors.length >= 2, errors.map(String).join('\n'));
});

test('@graphql-inspector/core: no change between schema.graphql and the live introspection', async () => {
  const lines = await introspectionDiff(committedSchema, liveSchema);
  console.log(`inspector diff: ${lines.length} changes`);
  for (const line of lines) console.log(`  ${line}`);
  assert.deepEqual(lines, []);
});

test('@graphql-inspector/core would see a change (the diff has teeth)', async () => {
  // Relation.inferred: the first `inferred` after `type Relation ` (input types have one too).
  const sdl = repoFile('schema.graphql');
  const at = sdl.indexOf('\tinferred: Boolean!', sdl.indexOf('type Relation '));
  const edited = buildSchema(sdl.slice(0, at) + sdl.slice(at).replace('\tinferred: Boolean!', '\tinferred: Boolean'));
  const changes = await diff(committedSchema, edited);
  assert.ok(changes.some((c) => c.path === 'Relation.inferred'), JSON.stringify(changes.map((c) => c.message)));
});

test('src/generated/ is what codegen.ts generates from schema.graphql and the examples', async () => {
  const { default: config } = await import(pathToFileURL(path.join(CLIENTS_DIR, 'codegen.ts')).href);
  const cwd = process.cwd();
  process.chdir(CLIENTS_DIR); // codegen.ts paths are relative to clients/
  let outputs;
  try {
    outputs = await generate({ ...config, cwd: CLIENTS_DIR, silent: true, errorsOnly: true }, false);
  } finally {
    process.chdir(cwd);
  }
  assert.deepEqual(outputs.map((o) => o.filename).sort(), ['src/generated/graphql.ts', 'src/generated/schema.ts']);
  for (const { filename, content } of outputs) {
    const committed = readFileSync(path.join(CLIENTS_DIR, filename), 'utf8');
    assert.ok(committed === content,
      `${filename} is stale: run \`UPDATE_EXPECT=1 clients/run-tests.sh\` (or \`npm run codegen\` in clients/) and commit it`);
  }
});
