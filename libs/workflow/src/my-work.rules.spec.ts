import { workFor } from './my-work.rules.js';
import {
  act,
  admin,
  completeRequired,
  coordinator,
  createdLaunch,
  member,
  signGo,
  state,
  T0,
  viewer,
} from './test-helpers.js';

describe('my work', () => {
  const older = {
    state: state(createdLaunch({ id: 'launch-old', key: 'old' })),
    stageEnteredAt: T0,
  };

  it('lists what waits on a member: their team’s open items, then its sign-off, oldest first', () => {
    const newer = {
      state: state(createdLaunch({ id: 'launch-new', key: 'new' })),
      stageEnteredAt: '2030-02-01T00:00:00.000Z',
    };
    const work = workFor(member('PRODUCT'), [newer, older], T0);
    expect(work.length).toBeGreaterThan(1);
    expect(work.every((w) => w.team === 'PRODUCT')).toBe(true);
    expect(work[0]?.launchId).toBe('launch-old');
    expect(work.at(-1)?.launchId).toBe('launch-new');
    expect(work.map((w) => w.kind)).toEqual(expect.arrayContaining(['CHECKLIST_ITEM', 'SIGN_OFF']));
  });

  it('asks the team that signed NO_GO to lift it, and nobody else', () => {
    const l = act(completeRequired(createdLaunch(), 'SUPPORT'), member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Macros missing',
    });
    const launch = { state: state(l), stageEnteredAt: T0 };
    expect(workFor(member('SUPPORT'), [launch], T0).map((w) => w.kind)).toEqual(['LIFT_BLOCK']);
    expect(workFor(member('ENGINEERING'), [launch], T0).map((w) => w.kind)).not.toContain(
      'LIFT_BLOCK',
    );
  });

  it('gives a met gate to its coordinator and admins to advance; viewers have nothing to do', () => {
    const ready = { state: state(signGo(completeRequired(createdLaunch()))), stageEnteredAt: T0 };
    expect(workFor(coordinator, [ready], T0)).toEqual([
      expect.objectContaining({
        kind: 'ADVANCE',
        message: 'The gate of Planning is met: advance to Alpha.',
      }),
    ]);
    expect(workFor(admin, [ready], T0).map((w) => w.kind)).toEqual(['ADVANCE']);
    const otherCoordinator = { ...coordinator, id: 'u-someone-else' };
    expect(workFor(otherCoordinator, [ready], T0)).toEqual([]);
    expect(workFor(member('PRODUCT'), [ready], T0)).toEqual([]);
    expect(workFor(viewer, [older], T0)).toEqual([]);
  });
});
