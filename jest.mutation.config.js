// The unit project of jest.config.js for the libraries only: what `npm run mutation` runs
// against each mutant.
import base from './jest.config.js';

const unit = base.projects.find((p) => p.displayName === 'unit');

export default {
  ...unit,
  displayName: 'mutation',
  rootDir: '.',
  testMatch: ['<rootDir>/libs/**/*.spec.ts'],
};
