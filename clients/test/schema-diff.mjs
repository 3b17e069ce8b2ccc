// The differences GraphQL Inspector finds between a committed SDL and a live, introspected
// schema, without the ones introspection cannot carry. An introspected schema has no directive
// usages, only `deprecationReason` and `specifiedByURL`: Inspector reports every `@deprecated`
// and `@specifiedBy` of the SDL as removed, so those are compared by reason and URL instead.
import { diff } from '@graphql-inspector/core';

const SPELLED_AS_VALUES = /\.@(deprecated|specifiedBy)(\.|$)/;

/** Deprecation reasons and scalar specification URLs, as sorted lines. */
function annotations(schema) {
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  return [
    ...types
      .filter((t) => 'getFields' in t)
      .flatMap((t) => Object.values(t.getFields())
        .filter((f) => f.deprecationReason)
        .map((f) => `${t.name}.${f.name} @deprecated: ${f.deprecationReason}`)),
    ...types
      .filter((t) => t.specifiedByURL)
      .map((t) => `${t.name} @specifiedBy: ${t.specifiedByURL}`),
  ].sort();
}

/** Every difference between the two schemas, as readable lines (none when they are the same). */
export async function introspectionDiff(committed, live) {
  const changes = (await diff(committed, live))
    .filter((c) => !(c.type.startsWith('DIRECTIVE_USAGE_') && SPELLED_AS_VALUES.test(c.path ?? '')));
  const lines = changes.map((c) => `${c.criticality.level} ${c.type}${c.path ? ` at ${c.path}` : ''}: ${c.message}`);
  const [want, got] = [annotations(committed), annotations(live)];
  for (const line of want.filter((l) => !got.includes(l))) lines.push(`missing from the live schema: ${line}`);
  for (const line of got.filter((l) => !want.includes(l))) lines.push(`only in the live schema: ${line}`);
  return lines;
}
