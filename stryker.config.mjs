// Mutation testing of the pure libraries (`npm run mutation`; long, so not part of `npm test`
// or CI). The libraries' own unit specs must kill each mutant: a survivor is a rule the
// specs do not pin down. Report: reports/mutation/index.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: false,
  },
  mutate: [
    'libs/*/src/**/*.ts',
    '!libs/**/*.spec.ts',
    '!libs/**/test-helpers.ts',
    '!libs/**/fixtures/**',
  ],
  coverageAnalysis: 'perTest',
  checkers: [],
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 80, break: null },
};
