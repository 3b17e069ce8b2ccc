// The seed's schema only grows: GraphQL Inspector compares schema.graphql with the schema of
// the first release (test/baseline/schema-0.1.graphql, the committed SDL before the vocabulary
// became data) and must find no breaking change. Clients generated from, or written against, the
// old schema keep working; what changed is additions, deprecations and descriptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { CLIENTS_DIR, repoFile } from './server.mjs';

const baseline = buildSchema(
  readFileSync(path.join(CLIENTS_DIR, 'test', 'baseline', 'schema-0.1.graphql'), 'utf8'),
);
const current = buildSchema(repoFile('schema.graphql'));

test('schema.graphql has no breaking change against the 0.1 schema', async () => {
  const changes = await diff(baseline, current);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  assert.deepEqual(
    breaking.map((c) => c.message),
    [],
    'breaking changes against clients/test/baseline/schema-0.1.graphql',
  );
  // The comparison is not vacuous: the vocabulary's typed fields are additions it sees.
  const added = changes.filter((c) => c.type === 'FIELD_ADDED').map((c) => c.path);
  assert.ok(added.includes('Person.handedFlagTo'), `added fields: ${added.slice(0, 20).join(', ')}`);
  assert.ok(added.includes('Evidence.section'), 'Evidence.section is an addition');
  // What replaces a field is added beside it and the old one deprecated, never retyped in place.
  const deprecated = changes
    .filter((c) => c.type === 'FIELD_DEPRECATION_ADDED')
    .map((c) => c.path.replace(/\.@deprecated$/, ''));
  for (const path of ['Source.publishedOn', 'Source.language', 'Source.claims', 'Qualifiers.date', 'Stats.entities']) {
    assert.ok(deprecated.includes(path), `${path} is deprecated (deprecated: ${deprecated.join(', ')})`);
  }
  for (const path of ['Source.publicationDate', 'Source.languageTag', 'Source.relations', 'Qualifiers.when', 'Stats.entityCount', 'QuantityClaim.intValue']) {
    assert.ok(added.includes(path), `${path} is added`);
  }
});

test('the schema declares its custom scalars with @specifiedBy and Entity implements Node', () => {
  for (const name of ['Date', 'PartialDate', 'LanguageTag']) {
    const type = current.getType(name);
    assert.ok(type, `scalar ${name}`);
    assert.match(type.specifiedByURL ?? '', /^https:\/\//, `${name} has @specifiedBy`);
  }
  assert.deepEqual(current.getType('Entity').getInterfaces().map(String), ['Node']);
});

test('the dangerous changes are additions a client can ignore', async () => {
  // GraphQL Inspector calls two kinds of addition "dangerous": enum values added to Predicate
  // (new vocabulary: a client switching over every value may meet one it does not know) and
  // optional arguments with defaults (includeInferred, includeHeadlines, throughQualifiers), and
  // an interface added to a type (`Entity implements Node`: a client matching on an exact list of
  // interfaces would see one more).
  // Anything else dangerous must be looked at.
  const changes = await diff(baseline, current);
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
  for (const c of dangerous) {
    assert.match(c.type, /^(ENUM_VALUE_ADDED|FIELD_ARGUMENT_ADDED|OBJECT_TYPE_INTERFACE_ADDED)$/, c.message);
  }
});
