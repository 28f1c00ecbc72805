import { launchAt, state } from './test-helpers.js';
import { readiness } from './readiness.js';

describe('smoke', () => {
  it('reaches GA', () => {
    const l = launchAt('GA');
    expect(state(l).stage).toBe('GA');
    expect(readiness(state(l), l.now).canAdvance).toBe(false);
  });
});
