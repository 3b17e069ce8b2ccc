// @graphql-codegen: TypeScript types from the committed schema and the example operations,
// no live server needed (the tests check that the live schema is the committed one).
//
//   src/generated/schema.ts   the `typescript` plugin: every type, enum and input of schema.graphql
//   src/generated/graphql.ts  the `typescript-operations` plugin: the result and variables type of
//                             every operation in ../examples/*.graphql, src/writes.graphql and
//                             ../assets/explore/explore.graphql (the explorer's), built on schema.ts
//
// Both files are committed; `run-tests.sh` fails when they are not what this config generates
// (`UPDATE_EXPECT=1 clients/run-tests.sh` rewrites them).
import type { CodegenConfig } from '@graphql-codegen/cli';

const shared = {
  enumsAsTypes: true, // enums as string unions: no runtime code, JSON values type-check as they are
  useTypeImports: true,
  importExtension: '.js', // import paths with .js, as ES modules need
  scalars: { ID: { input: 'string', output: 'string' } },
};

const config: CodegenConfig = {
  schema: '../schema.graphql',
  // The examples, the write API's operations and the explorer's queries (served by /explore).
  documents: ['../examples/*.graphql', 'src/writes.graphql', '../assets/explore/explore.graphql'],
  overwrite: true,
  generates: {
    'src/generated/schema.ts': {
      plugins: ['typescript'],
      config: { ...shared, avoidOptionals: { field: true, object: true } },
    },
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        ...shared,
        // Schema types (enums, inputs, scalars) come from schema.ts rather than being repeated.
        importSchemaTypesFrom: 'src/generated/schema.ts',
        // One object type per selection, not one identical member per type implementing Entity.
        mergeFragmentTypes: true,
      },
    },
  },
};

export default config;
