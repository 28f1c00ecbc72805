// The unit project of jest.config.js for the libraries only: what `npm run mutation` runs
// against each mutant.
import base from './jest.config.js';

const unit = base.projects.find((p) => p.displayName === 'unit');

export default {
  ...unit,
  displayName: 'mutation',
  rootDir: '.',
  testMatch: ['<rootDir>/libs/**/*.spec.ts'],
  // The property specs run hundreds of command sequences: seconds per mutant, and they would
  // hide a rule the example specs leave unpinned. MUTATION_ALL_SPECS=1 brings them back.
  testPathIgnorePatterns: process.env.MUTATION_ALL_SPECS ? [] : ['\\.properties\\.spec\\.ts$'],
};
