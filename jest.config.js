// ts-jest in ESM mode: NestJS 12 ships ES modules only. Type checking is `npm run check`'s job,
// so tests only transpile (isolatedModules) and stay fast.
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
};
const moduleNameMapper = {
  '^#checklists$': '<rootDir>/libs/checklists/src/index.ts',
  '^#workflow$': '<rootDir>/libs/workflow/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
};

export default {
  // End-to-end suites boot whole servers; unit tests finish in milliseconds either way.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      // Each repository against real PostgreSQL and the real migrations, no HTTP, no Nest:
      // every spec file opens a scratch database of its own (test/support/repository-database.ts).
      ...common,
      displayName: 'repositories',
      testMatch: ['<rootDir>/test/repositories/**/*.repository-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Serial phase of their own: they kill API processes, and the restart test stops
      // a private PostgreSQL cluster it creates (never the shared server).
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
