import { DEFAULT_GATE_POLICY, builtInDefinition } from '#checklists';
import { decide } from './decide.js';
import { initialSnapshot } from './launch.snapshot.js';
import { EMPTY_SLO_HISTORY, dueSloNotifications, nextSloDueAt, sloHistory } from './slo.rules.js';
import {
  DAY_MS,
  T0,
  act,
  advance,
  completeRequired,
  coordinator,
  later,
  member,
  state,
} from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';

const policy = { atRiskDays: 0 };

function launchWithGoValidDays(days: number | null): TestLaunch {
  let ids = 0;
  const events = decide(
    null,
    coordinator,
    { type: 'CREATE', id: 'l', key: 'expiring', name: 'Expiring', template: 'lite' },
    {
      now: T0,
      newId: () => `id-${++ids}`,
      templateVersions: [
        {
          ...builtInDefinition('lite'),
          policy: { ...DEFAULT_GATE_POLICY, goValidDays: days },
          version: 1,
          archived: false,
          createdById: null,
          createdAt: T0,
        },
      ],
    },
  );
  return { snapshot: initialSnapshot(events[0] as never), events, now: later(T0, 60_000), ids };
}

describe('SIGN_OFF_EXPIRED from the SLO timer', () => {
  it('is due once per GO on the current stage, at signedAt + goValidDays', () => {
    let l = completeRequired(launchWithGoValidDays(3));
    l = act(l, member('PRODUCT'), { type: 'SIGN_OFF', team: 'PRODUCT', decision: 'GO' });
    const go = state(l).signOffs.at(-1)!;
    const due = later(go.signedAt, 3 * DAY_MS);
    expect(nextSloDueAt(state(l), EMPTY_SLO_HISTORY, policy)).toBe(due);
    expect(dueSloNotifications(state(l), EMPTY_SLO_HISTORY, policy, later(due, -1))).toEqual([]);
    const [expired] = dueSloNotifications(state(l), EMPTY_SLO_HISTORY, policy, due);
    expect(expired).toEqual({
      type: 'SIGN_OFF_EXPIRED',
      at: due,
      actorId: null,
      team: 'PRODUCT',
      stage: 'PLANNING',
      data: { signOffId: go.id, team: 'PRODUCT', stage: 'PLANNING', signedAt: go.signedAt },
    });
    // Raised, it is owed no more; the machine takes it and nothing but updatedAt changes.
    const after = act({ ...l, now: due }, member('PRODUCT'), {
      type: 'COMMENT',
      body: 'noted',
    });
    const history = sloHistory([expired!]);
    expect(nextSloDueAt(state(after), history, policy)).toBeNull();
  });

  it('is never due without goValidDays, nor for GOs of past stages', () => {
    let never = completeRequired(launchWithGoValidDays(null));
    never = act(never, member('PRODUCT'), { type: 'SIGN_OFF', team: 'PRODUCT', decision: 'GO' });
    expect(nextSloDueAt(state(never), EMPTY_SLO_HISTORY, policy)).toBeNull();

    let l = completeRequired(launchWithGoValidDays(2));
    for (const team of ['PRODUCT', 'ENGINEERING', 'SUPPORT'] as const) {
      l = act(l, member(team), { type: 'SIGN_OFF', team, decision: 'GO' });
    }
    l = act(l, coordinator, { type: 'UPDATE', changes: { targetGaDate: later(T0, 90 * DAY_MS) } });
    l = advance(l);
    expect(state(l).stage).toBe('ALPHA');
    // Planning's GOs aged out long before; only the target date is owed.
    expect(nextSloDueAt(state(l), EMPTY_SLO_HISTORY, policy)).toBe(later(T0, 90 * DAY_MS));
  });
});
