import { isAtRisk } from './launch-flags.rules.js';
import {
  coordinator,
  createdLaunch,
  DAY_MS,
  later,
  launchAt,
  state,
  T0,
  act,
} from './test-helpers.js';

describe('at risk', () => {
  const due = later(T0, 30 * DAY_MS);
  it('holds when the target date is within the window and support is not yet trained', () => {
    const launch = state(createdLaunch({ targetGaDate: due }));
    expect(isAtRisk(launch, 7, later(due, -8 * DAY_MS))).toBe(false);
    expect(isAtRisk(launch, 7, later(due, -7 * DAY_MS))).toBe(true);
    expect(isAtRisk(launch, 7, later(due, DAY_MS))).toBe(true);
  });

  it('does not hold from Support trained on, on final launches, or without a date', () => {
    const now = later(due, -DAY_MS);
    expect(isAtRisk(state(launchAt('SUPPORT_TRAINED', { targetGaDate: due })), 7, now)).toBe(false);
    const cancelled = act(createdLaunch({ targetGaDate: due }), coordinator, {
      type: 'CANCEL',
      reason: 'Dropped',
    });
    expect(isAtRisk(state(cancelled), 7, now)).toBe(false);
    expect(isAtRisk(state(createdLaunch({ targetGaDate: null })), 7, now)).toBe(false);
  });
});
