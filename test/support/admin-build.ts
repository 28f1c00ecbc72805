import { spawnSync } from 'node:child_process';

/**
 * Builds the admin UI as `npm run build:admin` builds it for people: jest sets
 * NODE_ENV=test, which would bundle React's development build and change what is served.
 */
export function buildAdmin(): void {
  const build = spawnSync('npm', ['run', 'build:admin'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    throw new Error(`admin build failed:\n${build.stdout}\n${build.stderr}`);
  }
}
