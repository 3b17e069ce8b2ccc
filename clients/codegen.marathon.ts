// @graphql-codegen for the second dataset, examples/datasets/city-marathon: TypeScript types from
// the schema the server serves for it (its own Predicate enum and typed relationship fields) and
// from its GraphiQL tabs (examples/datasets/city-marathon/examples/*.graphql).
//
//   src/generated/marathon/schema.ts   the `typescript` plugin: that schema's types, enums, inputs
//   src/generated/marathon/graphql.ts  the `typescript-operations` plugin: one result and
//                                      variables type per example operation
//
// The schema file is `olympia-kg schema --data examples/datasets/city-marathon`, committed and kept
// in sync by `cargo test` (tests/marathon.rs). Both outputs are committed; `run-tests.sh` fails when
// they are not what this config generates (`UPDATE_EXPECT=1 clients/run-tests.sh` rewrites them).
import type { CodegenConfig } from '@graphql-codegen/cli';

const DATASET = '../examples/datasets/city-marathon';

const shared = {
  enumsAsTypes: true,
  useTypeImports: true,
  importExtension: '.js',
  scalars: { ID: { input: 'string', output: 'string' } },
};

const config: CodegenConfig = {
  schema: `${DATASET}/schema.graphql`,
  documents: [`${DATASET}/examples/*.graphql`],
  overwrite: true,
  generates: {
    'src/generated/marathon/schema.ts': {
      plugins: ['typescript'],
      config: { ...shared, avoidOptionals: { field: true, object: true } },
    },
    'src/generated/marathon/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        ...shared,
        importSchemaTypesFrom: 'src/generated/marathon/schema.ts',
        mergeFragmentTypes: true,
      },
    },
  },
};

export default config;
