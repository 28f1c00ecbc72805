// Fails when the committed typed GraphQL operations (apps/admin/src/gql) differ from what
// `npm run codegen` would generate now from the committed schema and the UI's operations.
// Usage: `node apps/admin/scripts/check-codegen.mjs` (from anywhere; it runs at the repo root).
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(
  new URL('node_modules/@graphql-codegen/cli/esm/bin.js', `file://${root}`),
);

const result = spawnSync(process.execPath, [cli, '--config', 'apps/admin/codegen.ts', '--check'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
});

if (result.status !== 0) {
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  console.error(
    'apps/admin/src/gql is out of date with the schema or the admin operations: run `npm run codegen` and commit the result.',
  );
  process.exit(1);
}
console.log('apps/admin/src/gql matches the schema and the admin operations.');
