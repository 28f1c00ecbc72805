import { plan } from './launch-plan.rules.js';
import { stateOf, replay } from './launch.snapshot.js';
import { checkAsOf, foldStoredEvents, readinessAsOf } from './readiness-as-of.rules.js';
import {
  DAY_MS,
  act,
  coordinator,
  createdLaunch,
  freezeWindow,
  later,
  launchAt,
  member,
  satisfyGate,
  state,
  wait,
  thrown,
} from './test-helpers.js';

describe('plan(gaBy)', () => {
  const fresh = (supportLeadDays: number) => createdLaunch({ supportLeadDays });
  const tomorrow = (now: string) => later(now, DAY_MS);

  it('lead days 0, no windows: GA could be now; every stage from the current one is listed', () => {
    const l = fresh(0);
    const p = plan(state(l), tomorrow(l.now), l.now);
    expect(p).toMatchObject({
      feasible: true,
      earliestGaAt: l.now,
      earlyAccessBy: tomorrow(l.now),
      obstacles: [],
      reconfirm: [],
    });
    expect(p.stages.map((s) => s.stage)).toEqual([
      'PLANNING',
      'ALPHA',
      'BETA',
      'DOCS_READY',
      'SUPPORT_TRAINED',
    ]);
  });

  it('lead days 90: GA 90 days after entering BETA; early access by gaBy - 90 days', () => {
    const l = fresh(90);
    const gaBy = tomorrow(l.now);
    const p = plan(state(l), gaBy, l.now);
    expect(p.feasible).toBe(false);
    expect(p.earliestGaAt).toBe(later(l.now, 90 * DAY_MS));
    expect(p.earlyAccessBy).toBe(later(gaBy, -90 * DAY_MS));
    expect(p.obstacles.map((o) => o.kind)).toEqual(['SUPPORT_LEAD_TIME']);
    expect(plan(state(l), later(l.now, 90 * DAY_MS), l.now)).toMatchObject({
      feasible: true,
      obstacles: [],
    });
  });

  it('GA lands after a GA freeze, crossing adjacent and overlapping windows one after another', () => {
    const l = fresh(0);
    const first = freezeWindow({ id: 'a', startsAt: l.now, endsAt: later(l.now, 2 * DAY_MS) });
    const adjacent = freezeWindow({
      id: 'b',
      name: 'Adjacent',
      startsAt: later(l.now, 2 * DAY_MS),
      endsAt: later(l.now, 3 * DAY_MS),
    });
    const overlapping = freezeWindow({
      id: 'c',
      name: 'Overlapping',
      startsAt: later(l.now, 2.5 * DAY_MS),
      endsAt: later(l.now, 4 * DAY_MS),
    });
    const p = plan(state(l), tomorrow(l.now), l.now, [overlapping, adjacent, first]);
    expect(p.earliestGaAt).toBe(later(l.now, 4 * DAY_MS));
    expect(p.feasible).toBe(false);
    expect(p.obstacles.map((o) => [o.kind, o.message.split('”')[0]])).toEqual([
      ['FREEZE_WINDOW', 'The freeze “Holiday'],
      ['FREEZE_WINDOW', 'The freeze “Adjacent'],
      ['FREEZE_WINDOW', 'The freeze “Overlapping'],
    ]);
    expect(
      plan(state(l), later(l.now, 4 * DAY_MS), l.now, [first, adjacent, overlapping]),
    ).toMatchObject({ feasible: true, obstacles: [] });
  });

  it('a freeze on BETA delays early access, and so GA by the lead days', () => {
    const l = fresh(5);
    const beta = freezeWindow({ stages: ['BETA'], startsAt: l.now, endsAt: later(l.now, DAY_MS) });
    const p = plan(state(l), tomorrow(l.now), l.now, [beta]);
    expect(p.earliestGaAt).toBe(later(l.now, 6 * DAY_MS));
    expect(p.obstacles.map((o) => o.kind)).toEqual(['SUPPORT_LEAD_TIME', 'FREEZE_WINDOW']);
  });

  it('past BETA without a grant, early access counts from now; once granted earlyAccessBy is null', () => {
    const docs = launchAt('DOCS_READY', { supportLeadDays: 3 });
    expect(plan(state(docs), tomorrow(docs.now), docs.now).earliestGaAt).toBe(
      later(docs.now, 3 * DAY_MS),
    );
    const granted = act(docs, coordinator, { type: 'GRANT_EARLY_ACCESS' });
    const p = plan(state(granted), later(granted.now, 10 * DAY_MS), granted.now);
    expect(p.earlyAccessBy).toBeNull();
    expect(p.earliestGaAt).toBe(later(docs.now, 3 * DAY_MS));
    expect(p.stages.map((s) => s.stage)).toEqual(['DOCS_READY', 'SUPPORT_TRAINED']);
  });

  it('reconfirm: GOs on SUPPORT_TRAINED that would be expired at gaBy', () => {
    const st = satisfyGate(launchAt('SUPPORT_TRAINED', { supportLeadDays: 0 }));
    const s = { ...state(st), policy: { ...state(st).policy, goValidDays: 10 } };
    const soon = plan(s, later(st.now, DAY_MS), st.now);
    expect(soon.reconfirm).toEqual([]);
    const far = plan(s, later(st.now, 30 * DAY_MS), st.now);
    expect(far.feasible).toBe(true);
    expect(far.reconfirm.map((r) => [r.kind, r.team])).toEqual([
      ['SIGN_OFF_EXPIRED', 'PRODUCT'],
      ['SIGN_OFF_EXPIRED', 'ENGINEERING'],
      ['SIGN_OFF_EXPIRED', 'SUPPORT'],
    ]);
  });

  it('gaBy not after now is bad input; a final launch has nothing to plan', () => {
    const l = fresh(0);
    expect(thrown(() => plan(state(l), l.now, l.now)).code).toBe('BAD_USER_INPUT');
    const ga = launchAt('GA');
    expect(thrown(() => plan(state(ga), tomorrow(ga.now), ga.now)).code).toBe('INVALID_TRANSITION');
    const cancelled = launchAt('CANCELLED');
    expect(thrown(() => plan(state(cancelled), tomorrow(ga.now), ga.now)).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('readiness as of a moment', () => {
  const l0 = createdLaunch();
  const l1 = act(l0, member('PRODUCT'), {
    type: 'SIGN_OFF',
    team: 'PRODUCT',
    decision: 'NO_GO',
    comment: 'Not yet',
  });
  const l = wait(l1, DAY_MS);
  const noGo = l.events.at(-1)!;

  it('folds a log to exactly the state the machine replays (its one action is these reducers)', () => {
    const shipped = act(launchAt('GA'), coordinator, { type: 'COMMENT', body: 'Shipped' });
    const cancelled = act(l, coordinator, { type: 'CANCEL', reason: 'Descoped' });
    for (const log of [shipped.events, cancelled.events, l.events]) {
      expect(foldStoredEvents(log)).toEqual(stateOf(replay(log)));
    }
  });

  it('folds the events up to asOf (inclusive, to the millisecond)', () => {
    const before = readinessAsOf(l.events, later(noGo.at, -1));
    expect(before.readiness.blocked).toBe(false);
    expect(before.state.signOffs).toEqual([]);
    const at = readinessAsOf(l.events, noGo.at);
    expect(at.readiness.blocked).toBe(true);
    expect(at.readiness.missing.map((m) => m.kind)).toContain('BLOCKED_BY_TEAM');
  });

  it('sees the windows in effect at asOf only', () => {
    const s = satisfyGate(launchAt('SUPPORT_TRAINED'));
    const w = freezeWindow({ startsAt: s.now, endsAt: later(s.now, DAY_MS) });
    const kinds = (asOf: string) =>
      readinessAsOf(s.events, asOf, [w]).readiness.missing.map((m) => m.kind);
    expect(kinds(later(s.now, -1))).toEqual([]);
    expect(kinds(s.now)).toEqual(['FREEZE_WINDOW']);
    expect(kinds(later(s.now, DAY_MS))).toEqual([]);
  });

  it('asOf before creation or in the future is bad input', () => {
    const created = state(l).createdAt;
    expect(() => checkAsOf(created, created, l.now)).not.toThrow();
    expect(() => checkAsOf(l.now, created, l.now)).not.toThrow();
    expect(thrown(() => checkAsOf(later(created, -1), created, l.now)).field).toBe('asOf');
    expect(thrown(() => checkAsOf(later(l.now, 1), created, l.now)).code).toBe('BAD_USER_INPUT');
  });
});
