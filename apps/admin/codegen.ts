import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the admin UI, generated from the API's committed schema
 * (`schema.gql` at the repository root, a superset of the shared contract).
 *
 * Run from the repository root: `npm run codegen`. `node apps/admin/scripts/check-codegen.mjs`
 * fails when the committed output in src/gql drifts from the schema or the operations.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
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
