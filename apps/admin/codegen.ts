import { existsSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the admin UI, generated from the committed schema.
 *
 * Run from the repository root (`npm run codegen`). The API commits `schema.gql` at the
 * root; until that file exists we fall back to the shared contract it is a superset of.
 * `npm run codegen -- --check` (see scripts/check-codegen.mjs) fails on drift.
 */
const schema = existsSync('schema.gql') ? 'schema.gql' : '../shared/contract/schema.graphql';

const config: CodegenConfig = {
  schema,
  documents: ['apps/admin/src/**/*.{ts,tsx}', '!apps/admin/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/admin/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as plain strings: no graphql-js in the browser bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: {
          DateTime: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
