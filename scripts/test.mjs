#!/usr/bin/env node
// The whole test suite in one command: build (the API for subprocess tests, the admin UI
// for browser tests), then unit tests, then each repository on a scratch database, then
// end-to-end suites one file at a time on real PostgreSQL. Ends with one "N passed, N failed"
// line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const quiet = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

// Preflight, so the one command works on a fresh machine of this project's kind: the local
// PostgreSQL server started if it is down (tests never mock it), Debian's Chromium for the
// browser suite. Pointing TEST_ADMIN_DATABASE_URL elsewhere skips the local server.
if (
  !process.env.TEST_ADMIN_DATABASE_URL &&
  !quiet('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q'])
) {
  const version = readdirSync('/etc/postgresql')[0];
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  for (let i = 0; i < 30 && !quiet('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']); i += 1) {
    spawnSync('sleep', ['1']);
  }
}
if (!process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) {
  run('sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
  ]);
}

const extra = process.argv.slice(2);
if (run('npm', ['run', 'build']) !== 0) process.exit(1);

mkdirSync('test/artifacts', { recursive: true });
const jest = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js'];
const phases = [
  ['unit', ['--selectProjects', 'unit']],
  ['repositories', ['--selectProjects', 'repositories']],
  ['e2e', ['--selectProjects', 'e2e', '--runInBand']],
  ['faults', ['--selectProjects', 'faults', '--runInBand']],
];
let passed = 0;
let failed = 0;
let exitCode = 0;
for (const [name, args] of phases) {
  const report = `test/artifacts/jest-${name}.json`;
  const status = run('node', [...jest, ...args, '--json', `--outputFile=${report}`, ...extra], {
    NODE_NO_WARNINGS: '1',
  });
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed += 1;
  }
  if (status !== 0) exitCode = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
